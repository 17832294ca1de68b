import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import { logistic } from '../src/model/logistic';
import type { Params } from '../src/model/regression';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { formatNumber } from '../src/text/format';
import './lp-model-diagram';
import type { LpModelDiagram } from './lp-model-diagram';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { part } from './testing/figure';
import { mount, seriousViolations, settled } from './testing/mount';

/** What the picture writes for `name` (w1, w2, b, x1, x2, z, y, t), or undefined when it writes nothing. */
const readout = (el: Element, name: string) => el.shadowRoot?.querySelector(`[data-readout="${name}"]`)?.textContent;
const label = (el: Element) => part(el, 'svg[part=plot]').getAttribute('aria-label');
const problems = (el: Element) => [...(el.shadowRoot?.querySelectorAll('.correction') ?? [])].map((p) => p.textContent);
const status = (el: Element) => el.shadowRoot?.querySelector('.controls [role=status]')?.textContent;
const button = (el: Element, name: string): HTMLButtonElement => {
  const found = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const nodeLabels = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('text.label') ?? [])].map((t) => t.textContent);

describe('<lp-model-diagram> alone', () => {
  it('draws x₁ and x₂ feeding z, σ and y, with w = (0, 0) and no sample', async () => {
    const el = await mount<LpModelDiagram>(html`<lp-model-diagram></lp-model-diagram>`);
    expect(nodeLabels(el)).toEqual(['x₁', 'x₂', 'z = Σ', 'σ', 'y']);
    expect(readout(el, 'w1')).toBe('0.0000');
    expect(readout(el, 'w2')).toBe('0.0000');
    expect(readout(el, 'z')).toBeUndefined();
    expect(readout(el, 'y')).toBeUndefined();
    expect(el.shadowRoot?.querySelector('button')).toBeNull();
    expect(label(el)).toBe('The model as a network: x₁ and x₂ feed z, z feeds σ, σ gives y; w₁ = 0.0000, w₂ = 0.0000');
    expect(problems(el)).toEqual([]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('flows x = (1, 2) through w = (1.5, −2): z = −2.5 and y = σ(−2.5) = 0.0759', async () => {
    const el = await mount<LpModelDiagram>(html`<lp-model-diagram weights="1.5,-2" x="1,2"></lp-model-diagram>`);
    expect(readout(el, 'w1')).toBe('1.5000');
    expect(readout(el, 'w2')).toBe('−2.0000');
    expect(readout(el, 'x1')).toBe('1.0000');
    expect(readout(el, 'x2')).toBe('2.0000');
    expect(readout(el, 'z')).toBe('−2.5000');
    expect(readout(el, 'y')).toBe('0.0759');
    expect(readout(el, 't')).toBeUndefined();
    expect(label(el)).toBe(
      'The model as a network: x₁ and x₂ feed z, z feeds σ, σ gives y; w₁ = 1.5000, w₂ = −2.0000; the sample x = (1.0000, 2.0000) gives z = −2.5000 and y = 0.0759',
    );
  });

  it('adds the bias as an input 1 with weight b, and counts it in z', async () => {
    const el = await mount<LpModelDiagram>(
      html`<lp-model-diagram weights="1.5,-2" x="1,2" bias b="0.5"></lp-model-diagram>`,
    );
    expect(nodeLabels(el)).toEqual(['x₁', 'x₂', '1', 'z = Σ', 'σ', 'y']);
    expect(readout(el, 'b')).toBe('0.5000');
    expect(readout(el, 'z')).toBe('−2.0000');
    expect(readout(el, 'y')).toBe('0.1192');
    expect(part(el, 'svg').getAttribute('viewBox')).toBe('0 0 640 300');
    expect(label(el)).toContain('x₁ and x₂ and 1 feed z');
    el.bias = false;
    await settled(el);
    expect(readout(el, 'b')).toBeUndefined();
    expect(readout(el, 'z')).toBe('−2.5000');
    expect(part(el, 'svg').getAttribute('viewBox')).toBe('0 0 640 220');
  });

  it('says which attributes it cannot read, and what it shows instead', async () => {
    const el = await mount<LpModelDiagram>(
      html`<lp-model-diagram weights="1;2" x="3" bias b="big"></lp-model-diagram>`,
    );
    expect(problems(el)).toEqual([
      'weights="1;2" is not two numbers "w1,w2"; showing w = (0, 0).',
      'x="3" is not two numbers "x1,x2"; no sample flows through.',
      'b must be a number; showing b = 0.',
    ]);
    expect(readout(el, 'w1')).toBe('0.0000');
    expect(readout(el, 'b')).toBe('0.0000');
    expect(readout(el, 'z')).toBeUndefined();
    el.setAttribute('weights', '0x1,2');
    el.setAttribute('x', '1,1');
    el.removeAttribute('bias');
    await settled(el);
    expect(problems(el)).toEqual(['weights="0x1,2" is not two numbers "w1,w2"; showing w = (0, 0).']);
    expect(readout(el, 'z')).toBe('0.0000');
    expect(readout(el, 'y')).toBe('0.5000');
  });
});

describe('<lp-model-diagram> in a model', () => {
  let view: PublishedState;
  beforeAll(async () => {
    view = await publishedState(1);
  });

  /** The published state with other weights (what a later step would publish). */
  function withParams(params: Params): PublishedState {
    return { ...view, run: { ...view.run, evaluation: { ...view.run.evaluation, params } } };
  }

  /** The model's sample `i` as the picture should show it: x, and z and y at the model's weights. */
  function expected(i: number) {
    const [w1 = 0, w2 = 0] = view.run.evaluation.params.w;
    const x1 = view.run.data.points[2 * i] as number;
    const x2 = view.run.data.points[2 * i + 1] as number;
    const z = x1 * w1 + x2 * w2;
    return { x1: formatNumber(x1), x2: formatNumber(x2), z: formatNumber(z), y: formatNumber(logistic(z)) };
  }

  async function inModel(diagram = html`<lp-model-diagram weights="1,1" bias></lp-model-diagram>`) {
    const model = await mount<LpFakeModel>(html`<lp-fake-model>${diagram}</lp-fake-model>`);
    const el = model.querySelector('lp-model-diagram') as LpModelDiagram;
    return { model, el };
  }

  it('shows the model’s weights after one step, the tutorial’s w(1) = (−2.0147, −1.0962), and the model’s bias setting', async () => {
    const { model, el } = await inModel();
    // Nothing published yet: its own attributes, but the model's bias setting (off).
    expect(readout(el, 'w1')).toBe('1.0000');
    expect(readout(el, 'b')).toBeUndefined();
    model.state = startingState({ published: view });
    await settled(model);
    expect(readout(el, 'w1')).toBe('−2.0147');
    expect(readout(el, 'w2')).toBe('−1.0962');
    expect(status(el)).toBe('no sample chosen');
    expect(problems(el)).toEqual([]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('flows the samples through one by one with ◀ and ▶, wrapping round, and Clear stops', async () => {
    const { model, el } = await inModel();
    model.state = startingState({ published: view });
    await settled(model);
    button(el, 'Next sample').click();
    await settled(el);
    expect(status(el)).toBe('sample 1 of 40');
    const first = expected(0);
    expect(readout(el, 'x1')).toBe(first.x1);
    expect(first.x1).toBe('0.9492');
    expect(readout(el, 'x2')).toBe('−0.7341');
    expect(readout(el, 'z')).toBe(first.z);
    expect(readout(el, 'y')).toBe(first.y);
    expect(readout(el, 't')).toBe('0');
    button(el, 'Previous sample').click();
    await settled(el);
    expect(status(el)).toBe('sample 40 of 40');
    expect(readout(el, 'x1')).toBe('1.2761');
    expect(readout(el, 't')).toBe('1');
    expect(readout(el, 'z')).toBe(expected(39).z);
    button(el, 'Clear').click();
    await settled(el);
    expect(el.sample).toBe(-1);
    expect(status(el)).toBe('no sample chosen');
    expect(readout(el, 'z')).toBeUndefined();
    expect(el.shadowRoot?.querySelector('button:not([aria-label])')).toBeNull();
  });

  it('is operated by keyboard: Tab to ▶, Enter and Space step through the samples', async () => {
    const { model, el } = await inModel();
    model.state = startingState({ published: view });
    await settled(model);
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(button(el, 'Previous sample'));
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(button(el, 'Next sample'));
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await settled(el);
    expect(el.sample).toBe(1);
    expect(status(el)).toBe('sample 2 of 40');
    expect(readout(el, 'z')).toBe(expected(1).z);
  });

  it('starts at the sample its attribute names', async () => {
    const { model, el } = await inModel(html`<lp-model-diagram sample="2"></lp-model-diagram>`);
    model.state = startingState({ published: view });
    await settled(model);
    expect(status(el)).toBe('sample 3 of 40');
    expect(readout(el, 'x1')).toBe(expected(2).x1);
    expect(readout(el, 'y')).toBe(expected(2).y);
  });

  it('draws the bias input when the model trains one', async () => {
    const settings = {
      ...DEFAULT_PLAYGROUND,
      training: { ...DEFAULT_PLAYGROUND.training, bias: true, initialBias: 0.5 },
    };
    const { model, el } = await inModel();
    model.state = startingState({ settings, published: withParams({ w: [1, -1], b: 0.5 }) });
    await settled(model);
    expect(nodeLabels(el)).toContain('1');
    expect(readout(el, 'b')).toBe('0.5000');
    button(el, 'Next sample').click();
    await settled(el);
    // z = 0.9492 + 0.7341 + 0.5.
    expect(readout(el, 'z')).toBe('2.1833');
  });

  it('stops listening to the model while out of the page, and follows it again once back', async () => {
    const { model, el } = await inModel();
    model.state = startingState({ published: view });
    await settled(model);
    el.remove();
    model.state = startingState({ published: withParams({ w: [7, 7], b: 0 }) });
    await settled(el);
    expect(readout(el, 'w1')).toBe('−2.0147');
    model.append(el);
    await settled(el);
    expect(readout(el, 'w1')).toBe('7.0000');
    model.state = startingState({ published: withParams({ w: [3, 4], b: 0 }) });
    await settled(model);
    expect(readout(el, 'w1')).toBe('3.0000');
    expect(readout(el, 'w2')).toBe('4.0000');
  });
});
