import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { SETTINGS, type Setting } from '../src/settings/settings-schema';
import { formatLimit } from '../src/text/number-text';
import './lp-data-controls';
import type { LpDataControls } from './lp-data-controls';
import type { LpNumberField } from './lp-number-field';
import { enter, field, inputOf, messageOf, numberFields, settingsSent } from './testing/controls';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The fields of the preset's draw settings (the test fraction's field is there for every preset). */
const drawFields = (el: Element) => numberFields(el).filter((f) => f.label !== SETTINGS.testFraction.label);

const GAUSSIANS = DEFAULT_PLAYGROUND.gaussians;
const [M0X, M0Y] = SETTINGS.mean0.parts as readonly [string, string];
const [M1X, M1Y] = SETTINGS.mean1.parts as readonly [string, string];

const presetList = (el: LpDataControls) => el.shadowRoot?.querySelector('#preset') as HTMLSelectElement;
const addClassRadios = (el: LpDataControls) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name=add-class]') ?? []),
];
const newSeed = (el: LpDataControls) =>
  [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'New seed');

const gaussiansControls = () =>
  mount<LpDataControls>(html`<lp-data-controls preset="gaussians" .gaussians=${GAUSSIANS}></lp-data-controls>`);

/** A setting's limits as its messages write them. */
const between = (s: Setting) =>
  `between ${formatLimit(s.range?.min ?? Number.NaN)} and ${formatLimit(s.range?.max ?? Number.NaN)}`;

describe('<lp-data-controls> alone', () => {
  it("shows the tutorial's preset, no Gaussians' fields, and that a click adds class 0", async () => {
    const el = await mount<LpDataControls>(html`<lp-data-controls></lp-data-controls>`);
    expect(presetList(el).value).toBe(DEFAULT_PLAYGROUND.preset);
    expect([...presetList(el).options].map((o) => [o.value, o.text])).toEqual([
      ['tutorial', 'Tutorial (40 points)'],
      ['gaussians', 'Two Gaussians'],
      ['circle', 'Circle'],
      ['xor', 'XOR'],
      ['spiral', 'Spiral'],
    ]);
    expect(drawFields(el)).toEqual([]);
    expect(addClassRadios(el).map((r) => r.checked)).toEqual([true, false]);
    expect(el.shadowRoot?.querySelector('[data-custom]')).toBeNull();
  });

  it('asks for the preset chosen in the list, by keyboard or by mouse', async () => {
    const el = await mount<LpDataControls>(html`<lp-data-controls></lp-data-controls>`);
    const event = nextEvent(el, 'lp-settings');
    const changes = settingsSent(el);
    presetList(el).focus();
    await userEvent.keyboard('{ArrowDown}');
    const e = await event;
    expect(e.bubbles && e.composed).toBe(true);
    await userEvent.selectOptions(presetList(el), 'tutorial');
    expect(changes).toEqual([{ preset: 'gaussians' }, { preset: 'tutorial' }]);
  });

  it("with the Gaussians, shows their means in a table, std, per class and seed, with the table's names", async () => {
    const el = await gaussiansControls();
    expect(presetList(el).value).toBe('gaussians');
    const shown = drawFields(el).map((f) => [f.label, inputOf(f).value]);
    expect(shown).toEqual([
      [M0X, String(GAUSSIANS.mean0[0])],
      [M0Y, String(GAUSSIANS.mean0[1])],
      [M1X, String(GAUSSIANS.mean1[0])],
      [M1Y, String(GAUSSIANS.mean1[1])],
      [SETTINGS.std.label, String(GAUSSIANS.std)],
      [SETTINGS.perClass.label, String(GAUSSIANS.perClass)],
      [SETTINGS.seed.label, String(GAUSSIANS.seed)],
    ]);
    // The means' labels are for screen readers; the table's headers say them on screen.
    expect(drawFields(el).map((f) => f.hideLabel)).toEqual([true, true, true, true, false, false, false]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('with a shape, shows per class, seed and noise, and no means or std', async () => {
    for (const preset of ['circle', 'xor', 'spiral'] as const) {
      const el = await mount<LpDataControls>(
        html`<lp-data-controls .preset=${preset} .gaussians=${{ ...GAUSSIANS, noise: 0.3 }}></lp-data-controls>`,
      );
      expect(presetList(el).value, preset).toBe(preset);
      expect(drawFields(el).map((f) => [f.label, inputOf(f).value])).toEqual([
        [SETTINGS.noise.label, '0.3'],
        [SETTINGS.perClass.label, String(GAUSSIANS.perClass)],
        [SETTINGS.seed.label, String(GAUSSIANS.seed)],
      ]);
      const sent = settingsSent(el);
      await enter(el, field(el, SETTINGS.noise.label), '0.8');
      expect(sent).toEqual([{ gaussians: { noise: 0.8 } }]);
      expect(await seriousViolations(el)).toEqual([]);
      el.remove();
    }
  });

  it('asks for the share held out as a test set, for any data, refusing more than 0.9 by name', async () => {
    const el = await mount<LpDataControls>(html`<lp-data-controls></lp-data-controls>`);
    const sent = settingsSent(el);
    await enter(el, field(el, SETTINGS.testFraction.label), '0.25');
    expect(sent).toEqual([{ training: { testFraction: 0.25 } }]);
    await enter(el, field(el, SETTINGS.testFraction.label), '0.95');
    expect(sent).toHaveLength(1);
    expect(messageOf(field(el, SETTINGS.testFraction.label))).toMatch(/^test fraction must be between 0 and 0.9/);
  });

  it('limits each field as the settings table does', async () => {
    const el = await gaussiansControls();
    const limits = (f: LpNumberField) => [f.min, f.max, f.integer];
    const of = (s: Setting) => [s.range?.min, s.range?.max, s.integer ?? false];
    for (const label of [M0X, M0Y]) expect(limits(field(el, label))).toEqual(of(SETTINGS.mean0));
    for (const label of [M1X, M1Y]) expect(limits(field(el, label))).toEqual(of(SETTINGS.mean1));
    expect(limits(field(el, SETTINGS.std.label))).toEqual(of(SETTINGS.std));
    expect(limits(field(el, SETTINGS.perClass.label))).toEqual(of(SETTINGS.perClass));
    expect(limits(field(el, SETTINGS.seed.label))).toEqual(of(SETTINGS.seed));
    expect([SETTINGS.perClass.integer, SETTINGS.seed.integer]).toEqual([true, true]);
  });

  it('sends the one Gaussian setting changed, a mean with its other coordinate kept', async () => {
    const el = await gaussiansControls();
    const changes = settingsSent(el);
    await enter(el, field(el, M0X), '−2.5');
    await enter(el, field(el, M0Y), '2');
    await enter(el, field(el, M1X), '3');
    await enter(el, field(el, M1Y), '−4');
    await enter(el, field(el, SETTINGS.std.label), '0.5');
    await enter(el, field(el, SETTINGS.perClass.label), '1 000');
    await enter(el, field(el, SETTINGS.seed.label), '42');
    expect(changes).toEqual([
      { gaussians: { mean0: [-2.5, GAUSSIANS.mean0[1]] } },
      { gaussians: { mean0: [GAUSSIANS.mean0[0], 2] } },
      { gaussians: { mean1: [3, GAUSSIANS.mean1[1]] } },
      { gaussians: { mean1: [GAUSSIANS.mean1[0], -4] } },
      { gaussians: { std: 0.5 } },
      { gaussians: { perClass: 1000 } },
      { gaussians: { seed: 42 } },
    ]);
  });

  it('sends a value typed by keyboard and committed with Tab', async () => {
    const el = await gaussiansControls();
    const changes = settingsSent(el);
    const box = inputOf(field(el, SETTINGS.std.label));
    box.focus();
    box.select();
    await userEvent.keyboard('2');
    await userEvent.tab();
    expect(changes).toEqual([{ gaussians: { std: 2 } }]);
  });

  it('refuses values out of the limits, fractions where whole numbers go, and non-numbers; sends nothing', async () => {
    const el = await gaussiansControls();
    const changes = settingsSent(el);
    const std = field(el, SETTINGS.std.label);
    await enter(el, std, '0');
    expect(messageOf(std)).toBe(`${SETTINGS.std.label} must be ${between(SETTINGS.std)}, got 0`);
    const perClass = field(el, SETTINGS.perClass.label);
    await enter(el, perClass, '2.5');
    expect(messageOf(perClass)).toBe(`${SETTINGS.perClass.label} must be a whole number, got 2.5`);
    const tooMany = (SETTINGS.perClass.range?.max ?? 0) + 1;
    await enter(el, perClass, String(tooMany));
    expect(messageOf(perClass)).toBe(
      `${SETTINGS.perClass.label} must be ${between(SETTINGS.perClass)}, got ${tooMany}`,
    );
    const mean = field(el, M0X);
    const far = (SETTINGS.mean0.range?.max ?? 0) + 1;
    await enter(el, mean, String(far));
    expect(messageOf(mean)).toBe(`${M0X} must be ${between(SETTINGS.mean0)}, got ${far}`);
    const seed = field(el, SETTINGS.seed.label);
    await enter(el, seed, 'lucky');
    expect(messageOf(seed)).toBe(`${SETTINGS.seed.label} must be a number ${between(SETTINGS.seed)}, got "lucky"`);
    expect(changes).toEqual([]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('New seed asks for new Gaussians, by click or by keyboard', async () => {
    const el = await gaussiansControls();
    const events: unknown[] = [];
    el.addEventListener('lp-regenerate', (e) => events.push(e.detail));
    newSeed(el)?.click();
    newSeed(el)?.focus();
    await userEvent.keyboard('{Enter}');
    expect(events).toEqual([null, null]);
  });

  it('asks for the class a click adds', async () => {
    const el = await mount<LpDataControls>(html`<lp-data-controls></lp-data-controls>`);
    const events: unknown[] = [];
    el.addEventListener('lp-add-class', (e) => events.push(e.detail));
    await userEvent.click(addClassRadios(el)[1] as HTMLInputElement);
    el.addClass = 1;
    await settled(el);
    // By keyboard: an arrow in the group.
    addClassRadios(el)[1]?.focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(events).toEqual([{ t: 1 }, { t: 0 }]);
  });

  it('hands a chosen CSV file to the model, and lets the same file be chosen again', async () => {
    const el = await mount<LpDataControls>(html`<lp-data-controls></lp-data-controls>`);
    const input = el.shadowRoot?.querySelector('#csv') as HTMLInputElement;
    expect(input.getAttribute('aria-label')).toBe('Load CSV (x1,x2,t)');
    const file = new File(['x1,x2,t\n1,2,0\n'], 'points.csv', { type: 'text/csv' });
    const event = nextEvent(el, 'lp-import-csv');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    const e = await event;
    expect(e.detail).toEqual({ source: file, name: 'points.csv' });
    expect(e.bubbles && e.composed).toBe(true);
    expect(input.value).toBe('');
  });

  it('while the data are custom, says where they came from, hides the Gaussians, and a preset brings its data back', async () => {
    const custom = 'Loaded points.csv (3 points).';
    const el = await mount<LpDataControls>(
      html`<lp-data-controls preset="gaussians" .gaussians=${GAUSSIANS} .custom=${custom}></lp-data-controls>`,
    );
    const changes = settingsSent(el);
    expect(presetList(el).value).toBe('custom');
    expect(presetList(el).selectedOptions[0]?.text).toBe('Custom data');
    expect(el.shadowRoot?.querySelector('[data-custom]')?.textContent).toBe(
      `${custom} Choose a preset to go back to it.`,
    );
    expect(drawFields(el)).toEqual([]);
    // The preset it has already: chosen, it brings its data back.
    await userEvent.selectOptions(presetList(el), 'gaussians');
    // "Custom data" itself asks nothing.
    await userEvent.selectOptions(presetList(el), 'custom');
    expect(changes).toEqual([{ preset: 'gaussians' }]);
  });
});

describe('<lp-data-controls> in a model', () => {
  let view: PublishedState;
  beforeAll(async () => {
    view = await publishedState();
  });

  it("shows the model's preset, Gaussians, class to add, and custom data", async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-data-controls></lp-data-controls></lp-fake-model>`);
    const el = model.querySelector('lp-data-controls') as LpDataControls;
    const gaussians = { mean0: [-2, 1], mean1: [3, -1], std: 0.8, perClass: 50, seed: 7, noise: 0 } as const;
    model.state = startingState({
      published: view,
      settings: { ...DEFAULT_PLAYGROUND, preset: 'gaussians', gaussians },
      addClass: 1,
    });
    await settled(model);
    expect(presetList(el).value).toBe('gaussians');
    expect(drawFields(el).map((f) => inputOf(f).value)).toEqual(['-2', '1', '3', '-1', '0.8', '50', '7']);
    expect(addClassRadios(el).map((r) => r.checked)).toEqual([false, true]);
    model.state = startingState({ published: { ...view, customData: 'Edited by clicks.' } });
    await settled(model);
    expect(presetList(el).value).toBe('custom');
    expect(el.shadowRoot?.querySelector('[data-custom]')?.textContent).toContain('Edited by clicks.');
  });

  it('a change goes to the model, which shows it back', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-data-controls></lp-data-controls></lp-fake-model>`);
    const el = model.querySelector('lp-data-controls') as LpDataControls;
    model.state = startingState({ published: view });
    await settled(model);
    const changes = settingsSent(el, model);
    presetList(el).value = 'gaussians';
    presetList(el).dispatchEvent(new Event('change'));
    await settled(model);
    await enter(el, field(el, SETTINGS.seed.label), '9');
    expect(changes).toEqual([{ preset: 'gaussians' }, { gaussians: { seed: 9 } }]);
    expect(model.state.settings.gaussians.seed).toBe(9);
    expect(inputOf(field(el, SETTINGS.seed.label)).value).toBe('9');
  });

  it('still follows the model after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-data-controls></lp-data-controls></lp-fake-model>`);
    const el = model.querySelector('lp-data-controls') as LpDataControls;
    el.remove();
    model.append(el);
    model.state = startingState({ settings: { ...DEFAULT_PLAYGROUND, preset: 'gaussians' } });
    await settled(model);
    expect(presetList(el).value).toBe('gaussians');
    expect(drawFields(el)).toHaveLength(7);
  });
});
