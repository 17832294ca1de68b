import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { LineSample } from '../src/model/likelihood';
import './lp-likelihood-figure';
import type { LpLikelihoodFigure } from './lp-likelihood-figure';
import { all, correction, drawn, handle, num, part, plotRect, press, readout, reappendAt } from './testing/figure';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const W_LO = -2;
const W_HI = 6;
const COST_HI = 10;

/** The figure at a fixed width, drawn: its frame has measured itself and laid the plot out. */
async function figure(
  template = html`<lp-likelihood-figure w="1" style="display:block; width:480px"></lp-likelihood-figure>`,
): Promise<LpLikelihoodFigure> {
  const el = await mount<LpLikelihoodFigure>(template);
  await drawn(el);
  return el;
}

const text = (e: Element) => e.textContent?.replace(/\s+/g, ' ').trim();

/** A point of the frame in data units: w on [−2, 6], −log L on [0, 10]. */
function data(el: Element, px: number, py: number): [number, number] {
  const p = plotRect(el);
  return [W_LO + ((W_HI - W_LO) * (px - p.left)) / p.width, (COST_HI * (p.top + p.height - py)) / p.height];
}

/** Each sample's bar: its probability as written, and what it says under it. */
const bars = (el: Element) =>
  all(el, '.bar').map((bar) => ({
    p: text(bar.querySelector('[data-probability]') as Element),
    sample: text(bar.lastElementChild as Element),
  }));

describe('<lp-likelihood-figure>', () => {
  it('shows each of the six samples’ P(t_i | z_i) at w = 1, their product L = 0.0737 and log L = −2.6076', async () => {
    const el = await figure();
    expect(readout(el, 'w')).toBe('1.0000');
    expect(readout(el, 'likelihood')).toBe('0.0737');
    expect(readout(el, 'log-likelihood')).toBe('−2.6076');
    expect(readout(el, 'cost')).toBe('2.6076');
    expect(bars(el)).toEqual([
      { p: '0.90', sample: 'x = −2.2, t = 0' },
      { p: '0.79', sample: 'x = −1.3, t = 0' },
      { p: '0.40', sample: 'x = −0.4, t = 1' },
      { p: '0.43', sample: 'x = 0.3, t = 0' },
      { p: '0.71', sample: 'x = 0.9, t = 1' },
      { p: '0.86', sample: 'x = 1.8, t = 1' },
    ]);
    const fills = all(el, '.bar .fill');
    expect(fills.map((f) => f.className)).toEqual(['fill t0', 'fill t0', 'fill t1', 'fill t0', 'fill t1', 'fill t1']);
    // σ(0.9) = 0.7109 of the bar's 70 %.
    expect(Number.parseFloat(fills[4]?.style.height ?? '')).toBeCloseTo(0.7109 * 70, 1);
    const [product, sum] = all(el, '.sums').map(text);
    expect(product).toBe('L(w) = 0.90 × 0.79 × 0.40 × 0.43 × 0.71 × 0.86 = 0.0737');
    expect(sum).toBe('log L(w) = −0.11 + −0.24 + −0.91 + −0.85 + −0.34 + −0.15 = −2.6076');
    expect(correction(el)).toBe('');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('starts at w = 0, where every sample is a coin toss: L = 1/64, −log L = 6 log 2', async () => {
    const el = await figure(html`<lp-likelihood-figure style="display:block; width:480px"></lp-likelihood-figure>`);
    expect(el.w).toBe(0);
    expect(bars(el).map((b) => b.p)).toEqual(['0.50', '0.50', '0.50', '0.50', '0.50', '0.50']);
    expect(readout(el, 'likelihood')).toBe('0.0156');
    expect(readout(el, 'cost')).toBe('4.1589');
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'The likelihood of w = 0.0000 on 6 samples, and −log L(w) against w',
    );
  });

  it('draws −log L(w) with its bottom at w ≈ 1.645, the handle on the curve', async () => {
    const el = await figure();
    const d = part(el, 'g.curves path.c0').getAttribute('d') ?? '';
    const numbers = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
    const points: [number, number][] = [];
    for (let i = 0; i + 1 < numbers.length; i += 2)
      points.push(data(el, numbers[i] as number, numbers[i + 1] as number));
    expect(points.length).toBe(241);
    const bottom = points.reduce((a, b) => (b[1] < a[1] ? b : a));
    expect(bottom[0]).toBeCloseTo(1.645, 1);
    expect(bottom[1]).toBeCloseTo(2.4387, 2);
    const circle = part(el, 'g.handle circle');
    const [w, cost] = data(el, num(circle, 'cx'), num(circle, 'cy'));
    expect(w).toBeCloseTo(1, 3);
    expect(cost).toBeCloseTo(2.6076, 2);
  });

  it('moves w by 0.1 on the arrows and to −2 and 6 on Home and End, the bars and sums following', async () => {
    const el = await figure();
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(handle(el));
    const change = nextEvent<Event>(el, 'change');
    await userEvent.keyboard('{ArrowRight}');
    expect((await change).type).toBe('change');
    expect(el.w).toBe(1.1);
    await settled(el);
    expect(readout(el, 'likelihood')).toBe('0.0778');
    expect(bars(el)[0]?.p).toBe('0.92');
    press(el, 'End');
    press(el, 'ArrowUp', { shiftKey: true });
    expect(el.w).toBe(W_HI);
    await settled(el);
    expect(readout(el, 'cost')).toBe('4.4448');
    expect(bars(el).map((b) => b.p)).toEqual(['1.00', '1.00', '0.08', '0.14', '1.00', '1.00']);
    press(el, 'Home');
    expect(el.w).toBe(W_LO);
    await settled(el);
    expect(readout(el, 'cost')).toBe('13.4724');
    expect(text(all(el, '.sums')[1] as HTMLElement)).toBe(
      'log L(w) = −4.41 + −2.67 + −0.37 + −0.44 + −1.95 + −3.63 = −13.4724',
    );
  });

  it('shows the samples it is given', async () => {
    const el = await figure(
      html`<lp-likelihood-figure w="2" style="display:block; width:480px"></lp-likelihood-figure>`,
    );
    el.samples = [
      { x: 1, t: 1 },
      { x: -1, t: 0 },
    ];
    await settled(el);
    expect(bars(el)).toEqual([
      { p: '0.88', sample: 'x = 1.0, t = 1' },
      { p: '0.88', sample: 'x = −1.0, t = 0' },
    ]);
    expect(readout(el, 'likelihood')).toBe('0.7758');
    expect(readout(el, 'log-likelihood')).toBe('−0.2539');
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'The likelihood of w = 2.0000 on 2 samples, and −log L(w) against w',
    );
  });

  it('says so and shows the default six when the samples are not a list of { x, t }', async () => {
    const el = await figure();
    el.samples = [{ x: 'one', t: 1 }] as unknown as LineSample[];
    await settled(el);
    expect(correction(el)).toBe(
      'samples must be a non-empty list of { x: a number, t: 0 or 1 }; showing the default six.',
    );
    expect(bars(el)).toHaveLength(6);
    expect(readout(el, 'likelihood')).toBe('0.0737');
    el.samples = [];
    await settled(el);
    expect(bars(el)).toHaveLength(6);
    el.samples = [{ x: 0.5, t: 2 }] as unknown as LineSample[];
    await settled(el);
    expect(correction(el)).not.toBe('');
    el.samples = [{ x: 0.5, t: 1 }];
    await settled(el);
    expect(correction(el)).toBe('');
    expect(bars(el)).toEqual([{ p: '0.62', sample: 'x = 0.5, t = 1' }]);
  });

  it('says when w is out of range and shows w = −2', async () => {
    const el = await figure(
      html`<lp-likelihood-figure w="-3" style="display:block; width:480px"></lp-likelihood-figure>`,
    );
    expect(correction(el)).toBe('w = −3.0000 is outside −2.000 … 6.000; showing w = −2.0000.');
    expect(readout(el, 'w')).toBe('−2.0000');
  });

  it('follows its new size after it is taken out of the page and put back', async () => {
    const el = await figure();
    await reappendAt(el, 320);
    await settled(el);
    const circle = part(el, 'g.handle circle');
    expect(data(el, num(circle, 'cx'), num(circle, 'cy'))[0]).toBeCloseTo(1, 3);
  });
});
