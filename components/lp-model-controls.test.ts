import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FEATURE_LABELS, FEATURES } from '../src/model/features';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { REDUCTIONS, SETTINGS } from '../src/settings/settings-schema';
import './lp-model-controls';
import type { LpModelControls } from './lp-model-controls';
import { enter, field, messageOf, settingsSent } from './testing/controls';
import { type LpFakeModel, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const biasBox = (el: LpModelControls) => el.shadowRoot?.querySelector('#bias') as HTMLInputElement;
const radio = (el: LpModelControls, r: string) =>
  el.shadowRoot?.querySelector(`input[name=reduction][value=${r}]`) as HTMLInputElement;
const checkedReduction = (el: LpModelControls) =>
  (el.shadowRoot?.querySelector('input[name=reduction]:checked') as HTMLInputElement | null)?.value;

describe('<lp-model-controls> alone', () => {
  it('offers the seven features as labelled boxes, x₁ and x₂ ticked, and asks for the features ticked', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    const boxes = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name=feature]') ?? [])];
    expect(boxes.map((b) => b.parentElement?.textContent?.trim())).toEqual(FEATURES.map((f) => FEATURE_LABELS[f]));
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false, false, false, false, false]);
    expect(el.shadowRoot?.querySelector('[role=group]')?.getAttribute('aria-label')).toBe('Features φ(x)');
    const changes = settingsSent(el);
    // A menu: its summary names the features and opens it; Escape closes it again, focus back on the summary.
    const summary = el.shadowRoot?.querySelector('summary') as HTMLElement;
    expect(summary.textContent).toBe('φ(x) = (x₁, x₂)');
    await userEvent.click(summary);
    await userEvent.click(boxes[2]!);
    // By keyboard: Space on a focused box ticks it.
    el.features = ['x1', 'x2', 'x1^2'];
    await settled(el);
    boxes[3]!.focus();
    await userEvent.keyboard(' ');
    expect(changes).toEqual([
      { training: { features: ['x1', 'x2', 'x1^2'] } },
      { training: { features: ['x1', 'x2', 'x1^2', 'x2^2'] } },
    ]);
    await userEvent.keyboard('{Escape}');
    expect(el.shadowRoot?.querySelector('details')?.open).toBe(false);
    expect(el.shadowRoot?.activeElement).toBe(summary);
    el.features = ['x1^2', 'x2^2', 'x1*x2', 'sin(x1)'];
    await settled(el);
    expect(summary.textContent).toBe('φ(x) = (x₁², x₂², x₁x₂, … 4)');
    expect(el.shadowRoot?.querySelector('legend')?.textContent).toBe('Model y = σ(φ(x)·w + b)');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('asks for λ typed, and refuses a bad one by name', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    const changes = settingsSent(el);
    await enter(el, field(el, SETTINGS.l2.label), '0.25');
    expect(changes).toEqual([{ training: { l2: 0.25 } }]);
    await enter(el, field(el, SETTINGS.l2.label), '-1');
    expect(changes).toHaveLength(1);
    expect(messageOf(field(el, SETTINGS.l2.label))).toMatch(/^L2 λ must be/);
  });

  it("starts as the tutorial's model: no bias, the summed cost", async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    expect(biasBox(el).checked).toBe(DEFAULT_SETTINGS.bias);
    expect(checkedReduction(el)).toBe(DEFAULT_SETTINGS.reduction);
    expect(el.shadowRoot?.querySelector('legend')?.textContent).toBe('Model y = σ(x·w + b)');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('offers the reductions the settings table takes, sum first, in a labelled radio group', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    const radios = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name=reduction]') ?? [])];
    expect(radios.map((r) => r.value)).toEqual(REDUCTIONS);
    expect(radios.map((r) => r.parentElement?.textContent?.trim())).toEqual(REDUCTIONS);
    const group = el.shadowRoot?.querySelector('[role=radiogroup]');
    expect(group?.getAttribute('aria-label')).toBe('Cost reduction');
    expect(biasBox(el).parentElement?.textContent?.trim()).toBe(SETTINGS.bias.label);
  });

  it('shows the bias and the reduction it is given', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls bias reduction="mean"></lp-model-controls>`);
    expect(biasBox(el).checked).toBe(true);
    expect(checkedReduction(el)).toBe('mean');
  });

  it('asks for the bias on and off when the box is clicked', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    const event = nextEvent(el, 'lp-settings');
    const changes = settingsSent(el);
    await userEvent.click(biasBox(el));
    const e = await event;
    expect(e.bubbles && e.composed).toBe(true);
    el.bias = true;
    await settled(el);
    biasBox(el).click();
    expect(changes).toEqual([{ training: { bias: true } }, { training: { bias: false } }]);
  });

  it('asks for the mean or the sum when a reduction is clicked', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    const changes = settingsSent(el);
    await userEvent.click(radio(el, 'mean'));
    el.reduction = 'mean';
    await settled(el);
    radio(el, 'sum').click();
    // Clicking the one that is chosen asks nothing.
    radio(el, 'sum').click();
    expect(changes).toEqual([{ training: { reduction: 'mean' } }, { training: { reduction: 'sum' } }]);
  });

  it('works by keyboard: Space ticks the bias box, an arrow moves to the other reduction', async () => {
    const el = await mount<LpModelControls>(html`<lp-model-controls></lp-model-controls>`);
    const changes = settingsSent(el);
    biasBox(el).focus();
    await userEvent.keyboard(' ');
    // Tab goes on to the checked radio of the group.
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(radio(el, 'sum'));
    await userEvent.keyboard('{ArrowRight}');
    expect(changes).toEqual([{ training: { bias: true } }, { training: { reduction: 'mean' } }]);
  });
});

describe('<lp-model-controls> in a model', () => {
  it("shows the model's bias and reduction, and what it accepts", async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-model-controls></lp-model-controls></lp-fake-model>`,
    );
    const el = model.querySelector('lp-model-controls') as LpModelControls;
    model.state = startingState({
      settings: { ...DEFAULT_PLAYGROUND, training: { ...DEFAULT_SETTINGS, bias: true, reduction: 'mean' } },
    });
    await settled(model);
    expect(biasBox(el).checked).toBe(true);
    expect(checkedReduction(el)).toBe('mean');
    const changes = settingsSent(el, model);
    biasBox(el).click();
    radio(el, 'sum').click();
    await settled(model);
    expect(changes).toEqual([{ training: { bias: false } }, { training: { reduction: 'sum' } }]);
    expect([el.bias, el.reduction]).toEqual([false, 'sum']);
    expect(biasBox(el).checked).toBe(false);
    expect(checkedReduction(el)).toBe('sum');
  });

  it('still follows the model after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-model-controls></lp-model-controls></lp-fake-model>`,
    );
    const el = model.querySelector('lp-model-controls') as LpModelControls;
    el.remove();
    model.append(el);
    model.state = startingState({
      settings: { ...DEFAULT_PLAYGROUND, training: { ...DEFAULT_SETTINGS, bias: true } },
    });
    await settled(model);
    expect(biasBox(el).checked).toBe(true);
  });
});
