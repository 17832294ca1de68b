import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { initialWeightLabel } from '../src/settings/feature-checks';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { DEFAULT_SETTINGS, LIMITS } from '../src/settings/settings';
import { SETTINGS } from '../src/settings/settings-schema';
import { formatLimit } from '../src/text/number-text';
import './lp-initial-weights';
import type { LpInitialWeights } from './lp-initial-weights';
import {
  enter,
  field,
  focusedName,
  inputOf,
  messageOf,
  numberFields,
  settingsSent,
  typeInto,
} from './testing/controls';
import { type LpFakeModel, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const [W1, W2] = [initialWeightLabel(0), initialWeightLabel(1)];
const B0 = SETTINGS.initialBias.label;

const shown = (el: LpInitialWeights) => numberFields(el).map((f) => [f.label, inputOf(f).value, inputOf(f).disabled]);

describe('<lp-initial-weights> alone', () => {
  it("starts at the tutorial's w(0) = (−4, −2), b(0) = 0 shown but off (no bias)", async () => {
    const el = await mount<LpInitialWeights>(html`<lp-initial-weights></lp-initial-weights>`);
    const [w1, w2] = DEFAULT_SETTINGS.initialWeights;
    expect(shown(el)).toEqual([
      [W1, String(w1), false],
      [W2, String(w2), false],
      [B0, String(DEFAULT_SETTINGS.initialBias), true],
    ]);
    expect(el.shadowRoot?.querySelector('legend')?.textContent).toContain('(or click the cost surface)');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it("takes each of w₁(0), w₂(0) and b(0) within the settings table's limits", async () => {
    const el = await mount<LpInitialWeights>(html`<lp-initial-weights></lp-initial-weights>`);
    expect(SETTINGS.initialWeights.range).toEqual(LIMITS.parameter);
    expect(field(el, W1).min).toBe(LIMITS.parameter.min);
    expect(field(el, W1).max).toBe(LIMITS.parameter.max);
    expect([field(el, W2).min, field(el, W2).max]).toEqual([LIMITS.parameter.min, LIMITS.parameter.max]);
    const b0 = SETTINGS.initialBias.range as { min: number; max: number };
    expect([field(el, B0).min, field(el, B0).max]).toEqual([b0.min, b0.max]);
  });

  it('sends w(0) with the one weight typed and the other kept', async () => {
    const el = await mount<LpInitialWeights>(
      html`<lp-initial-weights .weights=${[1, 2] as const}></lp-initial-weights>`,
    );
    const event = nextEvent(el, 'lp-settings');
    const changes = settingsSent(el);
    await typeInto(el, field(el, W1), '1.5');
    await userEvent.tab();
    const e = await event;
    expect(e.bubbles && e.composed).toBe(true);
    await typeInto(el, field(el, W2), '−3');
    await userEvent.tab();
    expect(changes).toEqual([{ training: { initialWeights: [1.5, 2] } }, { training: { initialWeights: [1, -3] } }]);
  });

  it('refuses a weight beyond the limits, or not a number, with a message naming it, and sends nothing', async () => {
    const el = await mount<LpInitialWeights>(html`<lp-initial-weights></lp-initial-weights>`);
    const changes = settingsSent(el);
    const limits = `between ${formatLimit(LIMITS.parameter.min)} and ${formatLimit(LIMITS.parameter.max)}`;
    const over = LIMITS.parameter.max + 1;
    await enter(el, field(el, W1), String(over));
    expect(messageOf(field(el, W1))).toBe(`${W1} must be ${limits}, got ${over}`);
    const under = LIMITS.parameter.min - 1;
    await enter(el, field(el, W2), String(under));
    expect(messageOf(field(el, W2))).toBe(`${W2} must be ${limits}, got ${under}`);
    await enter(el, field(el, W2), 'minus four');
    expect(messageOf(field(el, W2))).toBe(`${W2} must be a number ${limits}, got "minus four"`);
    expect(changes).toEqual([]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('with the bias on, b(0) can be set, and is sent alone', async () => {
    const el = await mount<LpInitialWeights>(html`<lp-initial-weights bias></lp-initial-weights>`);
    const changes = settingsSent(el);
    expect(inputOf(field(el, B0)).disabled).toBe(false);
    await typeInto(el, field(el, B0), '0.5');
    await userEvent.tab();
    await enter(el, field(el, B0), String(LIMITS.parameter.max * 2));
    expect(messageOf(field(el, B0))).toContain(`${B0} must be between`);
    expect(changes).toEqual([{ training: { initialBias: 0.5 } }]);
  });

  it('compact: no hint about the cost surface, and b(0) only while the bias is on', async () => {
    const el = await mount<LpInitialWeights>(html`<lp-initial-weights compact></lp-initial-weights>`);
    expect(el.shadowRoot?.querySelector('.hint')).toBeNull();
    expect(numberFields(el).map((f) => f.label)).toEqual([W1, W2]);
    el.bias = true;
    await settled(el);
    expect(numberFields(el).map((f) => f.label)).toEqual([W1, W2, B0]);
  });

  it('Tab goes w₁(0), w₂(0), then b(0) only when it is on', async () => {
    const el = await mount<LpInitialWeights>(html`<lp-initial-weights bias></lp-initial-weights>`);
    inputOf(field(el, W1)).focus();
    await userEvent.tab();
    expect(focusedName()).toBe(W2);
    await userEvent.tab();
    expect(focusedName()).toBe(B0);
  });
});

describe('<lp-initial-weights> in a model', () => {
  it("shows the model's w(0), b(0) and bias, and what it accepts", async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-initial-weights></lp-initial-weights></lp-fake-model>`,
    );
    const el = model.querySelector('lp-initial-weights') as LpInitialWeights;
    model.state = startingState({
      settings: {
        ...DEFAULT_PLAYGROUND,
        training: { ...DEFAULT_SETTINGS, initialWeights: [0.25, -7], initialBias: 3, bias: true },
      },
    });
    await settled(model);
    expect(shown(el)).toEqual([
      [W1, '0.25', false],
      [W2, '-7', false],
      [B0, '3', false],
    ]);
    const changes = settingsSent(el, model);
    await typeInto(el, field(el, W2), '8{Enter}');
    expect(changes).toEqual([{ training: { initialWeights: [0.25, 8] } }]);
    expect(model.state.settings.training.initialWeights).toEqual([0.25, 8]);
    expect(inputOf(field(el, W2)).value).toBe('8');
  });

  it('still follows the model after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-initial-weights></lp-initial-weights></lp-fake-model>`,
    );
    const el = model.querySelector('lp-initial-weights') as LpInitialWeights;
    el.remove();
    model.append(el);
    model.state = startingState({
      settings: { ...DEFAULT_PLAYGROUND, training: { ...DEFAULT_SETTINGS, initialWeights: [9, 9] } },
    });
    await settled(model);
    expect(inputOf(field(el, W1)).value).toBe('9');
  });
});
