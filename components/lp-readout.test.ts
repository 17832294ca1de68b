import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublishedState } from '../src/controller/published-state';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from '../src/settings/playground-settings';
import './lp-readout';
import type { LpReadout } from './lp-readout';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

/** Each label with its value, as shown, in order. */
function pairs(readout: LpReadout): [string, string][] {
  const list = readout.shadowRoot?.querySelector('dl');
  if (!list) return [];
  const out: [string, string][] = [];
  for (const dt of list.querySelectorAll('dt')) {
    const label = dt.textContent ?? '';
    if (label !== '') out.push([label, dt.nextElementSibling?.textContent ?? '']);
  }
  return out;
}

const value = (readout: LpReadout, name: string) =>
  readout.shadowRoot?.querySelector(`[data-readout=${name}]`)?.textContent ?? null;

/** The number of columns the list is laid out in. */
const columns = (readout: LpReadout) =>
  getComputedStyle(readout.shadowRoot?.querySelector('dl') as Element).gridTemplateColumns.split(' ').length;

let start: PublishedState;
let afterThree: PublishedState;
const withBias: PlaygroundSettings = {
  ...DEFAULT_PLAYGROUND,
  training: { ...DEFAULT_PLAYGROUND.training, bias: true, initialBias: 0.5, reduction: 'mean' },
};
let biased: PublishedState;
beforeAll(async () => {
  [start, afterThree, biased] = await Promise.all([publishedState(0), publishedState(3), publishedState(1, withBias)]);
});

describe('<lp-readout> alone', () => {
  it('says it is loading until it has a state', async () => {
    const readout = await mount<LpReadout>(html`<lp-readout></lp-readout>`);
    expect(readout.shadowRoot?.textContent?.trim()).toBe('Loading…');
    expect(readout.shadowRoot?.querySelector('dl')).toBeNull();
  });

  it("shows the tutorial's numbers after three steps, to four decimals with a real minus sign", async () => {
    const readout = await mount<LpReadout>(html`<lp-readout></lp-readout>`);
    readout.state = afterThree.state;
    readout.gradient = afterThree.run.evaluation.gradient;
    await settled(readout);
    expect(pairs(readout)).toEqual([
      ['iteration', '3'],
      ['N', '40'],
      // The tutorial prints w(3) = (0.9148, 0.3743).
      ['w₁', '0.9148'],
      ['w₂', '0.3743'],
      ['ξ (sum)', '16.2499'],
      // 34 of 40 right.
      ['accuracy', '85.0 %'],
      ['∂ξ/∂w₁', '−4.0526'],
      ['∂ξ/∂w₂', '−3.1586'],
    ]);
    expect(readout.shadowRoot?.querySelector('[part=readouts]')?.getAttribute('aria-live')).toBe('off');
    expect(await seriousViolations(readout)).toEqual([]);
  });

  it('leaves out the gradient until it is given one, and shows a dash for what is not measured', async () => {
    const readout = await mount<LpReadout>(html`<lp-readout></lp-readout>`);
    readout.state = { ...start.state, cost: Number.NaN, accuracy: Number.NaN, weights: [-0, 2e6] };
    await settled(readout);
    expect(value(readout, 'dw1')).toBeNull();
    expect(value(readout, 'cost')).toBe('—');
    expect(value(readout, 'accuracy')).toBe('—');
    // −0 is no sign error; two million in exponent form keeps the column narrow.
    expect(value(readout, 'w1')).toBe('0.0000');
    expect(value(readout, 'w2')).toBe('2.000e+6');
  });

  it('shows b and ∂ξ/∂b when the bias is trained, and names the reduction', async () => {
    const readout = await mount<LpReadout>(html`<lp-readout bias reduction="mean"></lp-readout>`);
    readout.state = { ...afterThree.state, bias: -0.25 };
    readout.gradient = { w: [0.5, -0.125], b: 1.5 };
    await settled(readout);
    expect(value(readout, 'b')).toBe('−0.2500');
    expect(value(readout, 'db')).toBe('1.5000');
    expect(pairs(readout).map(([label]) => label)).toContain('ξ (mean)');
    readout.bias = false;
    await settled(readout);
    expect(value(readout, 'b')).toBeNull();
    expect(value(readout, 'db')).toBeNull();
  });

  it('keeps two pairs a row (a missing ∂ξ/∂b leaves its place), or one pair a row when stacked', async () => {
    const readout = await mount<LpReadout>(html`<lp-readout bias></lp-readout>`);
    readout.state = afterThree.state;
    await settled(readout);
    expect(columns(readout)).toBe(4);
    // b, then an empty place where ∂ξ/∂b would be: cost and accuracy still start a row.
    const dts = [...(readout.shadowRoot?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);
    expect(dts).toEqual(['iteration', 'N', 'w₁', 'w₂', 'b', '', 'ξ (sum)', 'accuracy']);
    readout.stacked = true;
    await settled(readout);
    expect(readout.hasAttribute('stacked')).toBe(true);
    expect(columns(readout)).toBe(2);
    const stacked = [...(readout.shadowRoot?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);
    expect(stacked).toEqual(['iteration', 'N', 'w₁', 'w₂', 'b', 'ξ (sum)', 'accuracy']);
  });
});

describe('<lp-readout> in a model', () => {
  it("shows the model's state, gradient, bias and reduction", async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-readout></lp-readout></lp-fake-model>`);
    const readout = model.querySelector('lp-readout') as LpReadout;
    expect(readout.shadowRoot?.textContent?.trim()).toBe('Loading…');
    model.state = startingState({ published: start });
    await settled(model);
    expect(value(readout, 'iteration')).toBe('0');
    expect(value(readout, 'w1')).toBe('−4.0000');
    expect(value(readout, 'w2')).toBe('−2.0000');
    expect(value(readout, 'accuracy')).toBe('15.0 %');
    expect(value(readout, 'b')).toBeNull();

    model.state = startingState({ published: biased, settings: withBias });
    await settled(model);
    expect(value(readout, 'iteration')).toBe('1');
    expect(pairs(readout).map(([label]) => label)).toContain('ξ (mean)');
    // The mean cost of the run, not the sum.
    expect(value(readout, 'cost')).toBe(biased.state.meanCost.toFixed(4));
    expect(value(readout, 'b')).toBe(biased.state.bias.toFixed(4).replace('-', '−'));
    expect(value(readout, 'db')).toBe(biased.run.evaluation.gradient.b.toFixed(4).replace('-', '−'));
    expect(await seriousViolations(readout)).toEqual([]);
  });

  it('follows the model again after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-readout></lp-readout></lp-fake-model>`);
    const readout = model.querySelector('lp-readout') as LpReadout;
    model.state = startingState({ published: start });
    await settled(model);
    readout.remove();
    model.append(readout);
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(value(readout, 'iteration')).toBe('3');
  });
});
