import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import { OPTIMIZERS } from '../src/model/optimizers';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { RACE_PRESETS } from '../src/settings/race-presets';
import { DEFAULT_SETTINGS, LIMITS } from '../src/settings/settings';
import { OPTIMIZER_NAMES, SETTINGS, SPEED_LIMITS } from '../src/settings/settings-schema';
import { formatLimit } from '../src/text/number-text';
import './lp-optimiser-controls';
import { type LpOptimiserControls, sliderToRate } from './lp-optimiser-controls';
import { enter, field, focusedName, inputOf, messageOf, settingsSent, typeInto } from './testing/controls';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const part = <E extends Element>(el: LpOptimiserControls, selector: string) =>
  el.shadowRoot?.querySelector(selector) as E;
const slider = (el: LpOptimiserControls) => part<HTMLInputElement>(el, '#lr-slider');
const batchMode = (el: LpOptimiserControls) => part<HTMLSelectElement>(el, '#batch-mode');
const speedUnit = (el: LpOptimiserControls) => part<HTMLSelectElement>(el, '#speed-unit');

/** Picks a unit in the speed's select as a user's choice does (a change event), and waits for the element. */
async function chooseUnit(el: LpOptimiserControls, unit: string): Promise<void> {
  speedUnit(el).value = unit;
  speedUnit(el).dispatchEvent(new Event('change'));
  await settled(el);
}

const eta = SETTINGS.learningRate;
const etaRange = eta.range as { min: number; max: number };

describe('<lp-optimiser-controls> alone', () => {
  it("starts at the tutorial's settings: η, the full batch, the speed", async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    expect(el.learningRate).toBe(DEFAULT_SETTINGS.learningRate);
    expect(el.batchSize).toBe(DEFAULT_SETTINGS.batchSize);
    expect(el.speed).toEqual(DEFAULT_PLAYGROUND.speed);
    expect(inputOf(field(el, eta.label)).value).toBe(String(DEFAULT_SETTINGS.learningRate));
    expect(batchMode(el).value).toBe('full');
    expect(el.shadowRoot?.querySelector(`lp-number-field[label="${SETTINGS.batchSize.label}"]`)).toBeNull();
    expect(inputOf(field(el, SETTINGS.speed.label)).value).toBe(String(DEFAULT_PLAYGROUND.speed.value));
    expect(speedUnit(el).value).toBe(DEFAULT_PLAYGROUND.speed.unit);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('offers every optimiser by name, and each one’s constants beside it, within the table’s limits', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const method = part<HTMLSelectElement>(el, '#optimizer');
    expect(method.value).toBe('gd');
    expect([...method.options].map((o) => o.textContent)).toEqual(OPTIMIZERS.map((o) => OPTIMIZER_NAMES[o]));
    const constants = () =>
      [...(el.shadowRoot?.querySelectorAll('lp-number-field') ?? [])]
        .map((f) => f.label)
        .filter((label) => label !== eta.label && label !== SETTINGS.speed.label);
    expect(constants()).toEqual([]);
    const changes = settingsSent(el);
    method.focus();
    await userEvent.selectOptions(method, 'adam');
    expect(changes).toEqual([{ training: { optimizer: 'adam' } }]);
    el.optimizer = 'adam';
    await settled(el);
    expect(constants()).toEqual([SETTINGS.beta1.label, SETTINGS.beta2.label, SETTINGS.epsilon.label]);
    expect(inputOf(field(el, SETTINGS.epsilon.label)).value).toBe('1e-8');
    await enter(el, field(el, SETTINGS.beta2.label), '0.99');
    expect(changes.at(-1)).toEqual({ training: { beta2: 0.99 } });
    // β past its limit: said beside the field, not sent.
    await enter(el, field(el, SETTINGS.beta1.label), '1');
    expect(messageOf(field(el, SETTINGS.beta1.label))).toContain(formatLimit(LIMITS.momentum.max));
    expect(changes).toHaveLength(2);
    el.optimizer = 'nesterov';
    await settled(el);
    expect(constants()).toEqual([SETTINGS.momentum.label]);
    el.optimizer = 'newton';
    await settled(el);
    expect(constants()).toEqual([]);
    expect(el.shadowRoot?.querySelector('label[for="lr-slider"]')?.textContent).toBe('Damping η');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('offers the races that teach behind its Race button, by keyboard, and says which one is on', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const button = part<HTMLButtonElement>(el, '#race');
    const menu = part<HTMLElement>(el, '#race-menu');
    expect(button.getAttribute('aria-label')).toBe('Race: none');
    const changes = settingsSent(el);
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(menu.matches(':popover-open')).toBe(true);
    const names = [...menu.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(names).toEqual(['no race', ...RACE_PRESETS.map((p) => p.name)]);
    // The menu follows its button in focus order: no race, then the races.
    for (let k = 0; k < 3; k++) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(changes).toEqual([RACE_PRESETS[1]!.change]);
    expect(menu.matches(':popover-open')).toBe(false);
    el.race = RACE_PRESETS[1]!.change.training!.race!;
    await settled(el);
    expect(button.getAttribute('aria-label')).toBe(`Race: ${RACE_PRESETS[1]!.name}`);
    expect(menu.querySelector('[aria-pressed="true"]')?.textContent?.trim()).toBe(RACE_PRESETS[1]!.name);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('puts the slider at log₁₀ η and says η as its value text', async () => {
    const el = await mount<LpOptimiserControls>(
      html`<lp-optimiser-controls .learningRate=${0.1}></lp-optimiser-controls>`,
    );
    expect(Number(slider(el).value)).toBe(-1);
    expect(slider(el).getAttribute('aria-valuetext')).toBe('0.1');
    // Below the slider's end: the slider stays at its end, the field and the value text say η.
    el.learningRate = 1e-5;
    await settled(el);
    expect(Number(slider(el).value)).toBe(Number(slider(el).min));
    expect(slider(el).getAttribute('aria-valuetext')).toBe('0.00001');
    expect(inputOf(field(el, eta.label)).value).toBe('0.00001');
  });

  it("keeps η's slider and field within the settings table's limits", async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const etaField = field(el, eta.label);
    expect([etaField.min, etaField.max]).toEqual([LIMITS.learningRate.min, LIMITS.learningRate.max]);
    expect(etaRange).toEqual(LIMITS.learningRate);
    // The slider's top is the largest η; its bottom is a rate the table accepts.
    expect(sliderToRate(Number(slider(el).max))).toBe(LIMITS.learningRate.max);
    expect(sliderToRate(Number(slider(el).min))).toBeGreaterThanOrEqual(LIMITS.learningRate.min);
    // The slider spans the learning-rate row's slider, 10^−4 to 10^1, in powers of ten.
    expect([slider(el).min, slider(el).max]).toEqual([
      String(Math.log10(SETTINGS.learningRate.slider.min)),
      String(Math.log10(SETTINGS.learningRate.slider.max)),
    ]);
    expect([slider(el).min, slider(el).max]).toEqual(['-4', '1']);
  });

  it('sends η = 10^x, to 3 digits, as the slider moves by keyboard (arrows, Home, End)', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const changes = settingsSent(el);
    slider(el).focus();
    // η = 0.05 puts the slider at log₁₀ 0.05 ≈ −1.30 (its step is 0.01); one step right is 10^−1.29 ≈ 0.0513.
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('{End}');
    await userEvent.keyboard('{Home}');
    expect(changes).toEqual([
      { training: { learningRate: 0.0513 } },
      { training: { learningRate: LIMITS.learningRate.max } },
      { training: { learningRate: sliderToRate(Number(slider(el).min)) } },
    ]);
  });

  it('sends the largest η when the slider is clicked at its right end', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const event = nextEvent(el, 'lp-settings');
    const box = slider(el).getBoundingClientRect();
    await userEvent.click(slider(el), { position: { x: box.width - 1, y: box.height / 2 } });
    const e = await event;
    expect(e.detail).toEqual({ training: { learningRate: LIMITS.learningRate.max } });
    expect(e.bubbles && e.composed).toBe(true);
  });

  it('sends nothing when the slider lands on the η it has', async () => {
    const el = await mount<LpOptimiserControls>(
      html`<lp-optimiser-controls .learningRate=${0.1}></lp-optimiser-controls>`,
    );
    const changes = settingsSent(el);
    slider(el).value = '-1';
    slider(el).dispatchEvent(new Event('input', { bubbles: true }));
    expect(changes).toEqual([]);
  });

  it('sends η typed into its field', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const changes = settingsSent(el);
    await typeInto(el, field(el, eta.label), '0.2');
    await userEvent.tab();
    expect(changes).toEqual([{ training: { learningRate: 0.2 } }]);
  });

  it('refuses an η beyond the limits, or not a number, with a message, and sends nothing', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const changes = settingsSent(el);
    const etaField = field(el, eta.label);
    const limits = `between ${formatLimit(LIMITS.learningRate.min)} and ${formatLimit(LIMITS.learningRate.max)}`;
    const tooBig = LIMITS.learningRate.max * 10;
    await enter(el, etaField, String(tooBig));
    expect(messageOf(etaField)).toBe(`${eta.label} must be ${limits}, got ${tooBig}`);
    const tooSmall = LIMITS.learningRate.min / 10;
    await enter(el, etaField, String(tooSmall));
    expect(messageOf(etaField)).toBe(`${eta.label} must be ${limits}, got ${tooSmall}`);
    await enter(el, etaField, 'η');
    expect(messageOf(etaField)).toBe(`${eta.label} must be a number ${limits}, got "η"`);
    expect(changes).toEqual([]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('asks for mini-batches of 32, or of every sample when there are fewer, from the Batch list', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls .samples=${100}></lp-optimiser-controls>`);
    const changes = settingsSent(el);
    batchMode(el).focus();
    await userEvent.keyboard('{ArrowDown}');
    el.samples = 20;
    batchMode(el).value = 'full';
    await settled(el);
    await userEvent.selectOptions(batchMode(el), 'mini');
    expect(changes).toEqual([{ training: { batchSize: 32 } }, { training: { batchSize: 20 } }]);
  });

  it('with mini-batches, shows the size in a whole-number field from 1 to the number of samples', async () => {
    const el = await mount<LpOptimiserControls>(
      html`<lp-optimiser-controls .batchSize=${8} .samples=${40}></lp-optimiser-controls>`,
    );
    const changes = settingsSent(el);
    expect(batchMode(el).value).toBe('mini');
    const size = field(el, SETTINGS.batchSize.label);
    expect(inputOf(size).value).toBe('8');
    expect([size.min, size.max, size.integer]).toEqual([1, 40, true]);
    // Every size it takes is one the settings table takes.
    expect(size.min).toBeGreaterThanOrEqual(LIMITS.batchSize.min);
    expect(size.max).toBeLessThanOrEqual(LIMITS.batchSize.max);
    await enter(el, size, '41');
    expect(messageOf(size)).toBe(`${SETTINGS.batchSize.label} must be between 1 and 40, got 41`);
    await enter(el, size, '2.5');
    expect(messageOf(size)).toBe(`${SETTINGS.batchSize.label} must be a whole number, got 2.5`);
    await typeInto(el, size, '10');
    await userEvent.tab();
    expect(changes).toEqual([{ training: { batchSize: 10 } }]);
    batchMode(el).value = 'full';
    batchMode(el).dispatchEvent(new Event('change'));
    expect(changes.at(-1)).toEqual({ training: { batchSize: 0 } });
  });

  it("sends a speed typed in, within its unit's limits", async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const changes = settingsSent(el);
    const speed = field(el, SETTINGS.speed.label);
    const perSecond = SPEED_LIMITS['per-second'];
    expect([speed.min, speed.max, speed.integer]).toEqual([perSecond.min, perSecond.max, false]);
    await enter(el, speed, String(perSecond.max + 1));
    expect(messageOf(speed)).toBe(
      `${SETTINGS.speed.label} must be between ${perSecond.min} and ${perSecond.max}, got ${perSecond.max + 1}`,
    );
    await typeInto(el, speed, '0.5');
    await userEvent.tab();
    expect(changes).toEqual([{ speed: { value: 0.5 } }]);
    el.speed = { unit: 'per-frame', value: 5 };
    await settled(el);
    const perFrame = SPEED_LIMITS['per-frame'];
    expect([speed.min, speed.max, speed.integer]).toEqual([perFrame.min, perFrame.max, true]);
  });

  it('keeps the pace when the unit changes (60 frames a second), within the new limits', async () => {
    const el = await mount<LpOptimiserControls>(
      html`<lp-optimiser-controls .speed=${{ unit: 'per-second', value: 120 }}></lp-optimiser-controls>`,
    );
    const changes = settingsSent(el);
    await chooseUnit(el, 'per-frame'); // 120 a second: 2 a frame
    el.speed = { unit: 'per-second', value: 4 };
    await chooseUnit(el, 'per-frame'); // 4 a second rounds to 0 a frame: 1, the least
    el.speed = { unit: 'per-frame', value: 5 };
    await chooseUnit(el, 'per-second'); // 5 a frame is 300 a second: 240, the most
    el.speed = { unit: 'per-second', value: 240 };
    await chooseUnit(el, 'per-second'); // the unit it has: nothing
    expect(changes).toEqual([
      { speed: { unit: 'per-frame', value: 2 } },
      { speed: { unit: 'per-frame', value: SPEED_LIMITS['per-frame'].min } },
      { speed: { unit: 'per-second', value: SPEED_LIMITS['per-second'].max } },
    ]);
  });

  it('offers as fast as possible, with no number beside it, and leaves it for the first pace', async () => {
    const el = await mount<LpOptimiserControls>(
      html`<lp-optimiser-controls .speed=${{ unit: 'per-second', value: 120 }}></lp-optimiser-controls>`,
    );
    const changes = settingsSent(el);
    await chooseUnit(el, 'fastest');
    el.speed = { unit: 'fastest', value: 0 };
    await settled(el);
    // The select alone says the speed, and is named for it.
    expect(el.renderRoot.querySelector(`lp-number-field[label="${SETTINGS.speed.label}"]`)).toBeNull();
    expect([...el.renderRoot.querySelectorAll('lp-number-field')].map((f) => f.label)).not.toContain(
      SETTINGS.speed.label,
    );
    expect(speedUnit(el).getAttribute('aria-label')).toBe(SETTINGS.speed.label);
    expect(speedUnit(el).selectedOptions[0]?.textContent).toBe('as fast as possible');
    await chooseUnit(el, 'per-frame');
    await chooseUnit(el, 'per-second');
    expect(changes).toEqual([
      { speed: { unit: 'fastest', value: 0 } },
      // From as fast as possible: the playground's first pace, 4 steps a second, in the unit chosen.
      { speed: { unit: 'per-frame', value: 1 } },
      { speed: { unit: 'per-second', value: DEFAULT_PLAYGROUND.speed.value } },
    ]);
  });

  it('is reached by Tab: method, slider, η, Batch, race, speed, unit', async () => {
    const el = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    part<HTMLSelectElement>(el, '#optimizer').focus();
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await userEvent.tab();
      reached.push(focusedName());
    }
    expect(reached).toEqual(['lr-slider', eta.label, 'batch-mode', 'race', SETTINGS.speed.label, 'speed-unit']);
  });
});

describe('<lp-optimiser-controls> in a model', () => {
  let view: PublishedState;
  beforeAll(async () => {
    view = await publishedState();
  });

  it("shows the model's η, batch size and speed, and the number of its samples as the largest batch", async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-optimiser-controls .samples=${7}></lp-optimiser-controls></lp-fake-model>`,
    );
    const el = model.querySelector('lp-optimiser-controls') as LpOptimiserControls;
    expect(inputOf(field(el, eta.label)).value).toBe(String(DEFAULT_SETTINGS.learningRate));
    const settings = {
      ...DEFAULT_PLAYGROUND,
      training: { ...DEFAULT_SETTINGS, learningRate: 0.5, batchSize: 10 },
      speed: { unit: 'per-frame', value: 5 },
    } as const;
    model.state = startingState({ published: view, settings });
    await settled(model);
    expect(inputOf(field(el, eta.label)).value).toBe('0.5');
    expect(Number(slider(el).value)).toBeCloseTo(Math.log10(0.5), 2);
    expect(batchMode(el).value).toBe('mini');
    const size = field(el, SETTINGS.batchSize.label);
    expect(inputOf(size).value).toBe('10');
    // The tutorial's 40 points.
    expect(size.max).toBe(view.run.data.targets.length);
    expect(size.max).toBe(40);
    expect(inputOf(field(el, SETTINGS.speed.label)).value).toBe('5');
    expect(speedUnit(el).value).toBe('per-frame');
  });

  it('an η typed and entered goes to the model, which shows it back, once', async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-optimiser-controls></lp-optimiser-controls></lp-fake-model>`,
    );
    model.state = startingState({ published: view });
    const el = model.querySelector('lp-optimiser-controls') as LpOptimiserControls;
    const changes = settingsSent(el, model);
    await settled(model);
    await typeInto(el, field(el, eta.label), '0.25{Enter}');
    expect(changes).toEqual([{ training: { learningRate: 0.25 } }]);
    expect(model.state.settings.training.learningRate).toBe(0.25);
    expect(Number(slider(el).value)).toBeCloseTo(Math.log10(0.25), 2);
    expect(slider(el).getAttribute('aria-valuetext')).toBe('0.25');
  });

  it('still follows the model after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-optimiser-controls></lp-optimiser-controls></lp-fake-model>`,
    );
    const el = model.querySelector('lp-optimiser-controls') as LpOptimiserControls;
    el.remove();
    model.append(el);
    model.state = startingState({
      settings: { ...DEFAULT_PLAYGROUND, training: { ...DEFAULT_SETTINGS, learningRate: 2 } },
    });
    await settled(model);
    expect(inputOf(field(el, eta.label)).value).toBe('2');
  });
});
