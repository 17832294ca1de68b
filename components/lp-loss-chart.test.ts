import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublishedState } from '../src/controller/published-state';
import type { HistoryEntry } from '../src/session/history';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from '../src/settings/playground-settings';
import './lp-loss-chart';
import type { LpLossChart } from './lp-loss-chart';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

const svgOf = (chart: LpLossChart) => chart.shadowRoot?.querySelector('svg.chart') ?? null;

/** The dots of one kind, as [iteration, cx, cy]. */
function dots(chart: LpLossChart, kind: string): [number, number, number][] {
  return [...(chart.shadowRoot?.querySelectorAll(`circle.${kind}`) ?? [])].map((c) => [
    Number(c.getAttribute('data-iteration')),
    Number(c.getAttribute('cx')),
    Number(c.getAttribute('cy')),
  ]);
}

/** The vertices of a path drawn by d3.line (M x,y L x,y …). */
function vertices(chart: LpLossChart, selector: string): [number, number][] {
  const d = chart.shadowRoot?.querySelector(selector)?.getAttribute('d') ?? '';
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const text = (chart: LpLossChart, selector: string) => chart.shadowRoot?.querySelector(selector)?.textContent ?? '';

/** Mounts a chart of a given width; the frame draws once it has measured its box. */
async function chartOf(template: ReturnType<typeof html>, select = (e: Element) => e as LpLossChart) {
  const mounted = await mount(template);
  const chart = select(mounted);
  await expect.poll(() => svgOf(chart)?.getAttribute('width'), { interval: 5 }).not.toBeNull();
  await settled(mounted);
  return { mounted, chart };
}

function entry(iteration: number, loss: number, accuracy: number, measuredOn: 'all' | 'batch' = 'all'): HistoryEntry {
  return { iteration, params: { w: [0, 0], b: 0 }, loss, accuracy, measuredOn };
}

let start: PublishedState;
let afterThree: PublishedState;
beforeAll(async () => {
  [start, afterThree] = await Promise.all([publishedState(0), publishedState(3)]);
});

describe('<lp-loss-chart> alone', () => {
  it('draws the cost on a log axis: equal ratios are equal heights', async () => {
    const { chart } = await chartOf(
      html`<lp-loss-chart style="width: 520px" .history=${afterThree.run.history}></lp-loss-chart>`,
    );
    const cost = dots(chart, 'cost-dot');
    expect(cost.map(([i]) => i)).toEqual([0, 1, 2, 3]);
    // The tutorial's cost falls 200.4, 106.8, 32.47, 16.25: each dot lower (larger cy) than the one before.
    const [a, b, c, d] = cost.map(([, , cy]) => cy) as [number, number, number, number];
    expect(a < b && b < c && c < d).toBe(true);
    const losses = afterThree.run.history.map((e) => e.loss) as [number, number, number, number];
    expect((b - a) / (d - c)).toBeCloseTo(Math.log(losses[0] / losses[1]) / Math.log(losses[2] / losses[3]), 3);
    // The line joins the same points.
    const line = vertices(chart, 'path.cost');
    expect(line).toHaveLength(4);
    line.forEach(([lx, ly], i) => {
      expect(lx).toBeCloseTo(cost[i]?.[1] ?? Number.NaN, 2);
      expect(ly).toBeCloseTo(cost[i]?.[2] ?? Number.NaN, 2);
    });
    // Iterations are evenly spaced along x.
    const xs = cost.map(([, cx]) => cx);
    expect((xs[3] as number) - (xs[2] as number)).toBeCloseTo((xs[1] as number) - (xs[0] as number), 6);
  });

  it('draws the accuracy on a linear 0–100 % axis at the right', async () => {
    const { chart } = await chartOf(
      html`<lp-loss-chart style="width: 520px" .history=${afterThree.run.history}></lp-loss-chart>`,
    );
    const accuracy = dots(chart, 'accuracy-dot').map(([, , cy]) => cy) as [number, number, number, number];
    // 15 %, 15 %, 20 %, 85 %.
    expect(accuracy[0]).toBe(accuracy[1]);
    expect((accuracy[1] - accuracy[2]) / (accuracy[2] - accuracy[3])).toBeCloseTo(0.05 / 0.65, 6);
    const ticks = [...(svgOf(chart)?.querySelectorAll('.axis.y2 .tick text') ?? [])].map((t) => t.textContent);
    expect(ticks.at(0)).toBe('0%');
    expect(ticks.at(-1)).toBe('100%');
    expect(text(chart, '.axis-label.y2')).toBe('accuracy');
    expect(text(chart, '.axis-label.x')).toBe('iteration');
    expect(text(chart, '.axis-label.y')).toBe('ξ (sum)');
    // Whole iterations only.
    const xTicks = [...(svgOf(chart)?.querySelectorAll('.axis.x .tick text') ?? [])].map((t) => t.textContent ?? '');
    expect(xTicks.every((t) => /^\d+$/.test(t))).toBe(true);
  });

  it('shows a single measurement (iteration 0) as a dot of each kind', async () => {
    const { chart } = await chartOf(
      html`<lp-loss-chart style="width: 520px" .history=${start.run.history}></lp-loss-chart>`,
    );
    expect(dots(chart, 'cost-dot').map(([i]) => i)).toEqual([0]);
    expect(dots(chart, 'accuracy-dot').map(([i]) => i)).toEqual([0]);
    expect(text(chart, '.measures')).toBe('');
  });

  it('labels the cost axis with the reduction', async () => {
    const { chart } = await chartOf(
      html`<lp-loss-chart style="width: 520px" reduction="mean" .history=${start.run.history}></lp-loss-chart>`,
    );
    expect(text(chart, '.axis-label.y')).toBe('ξ (mean)');
  });

  it('skips costs that are not finite, never drawing NaN', async () => {
    const history = [
      entry(0, 10, 0.5),
      entry(1, Number.NaN, 0.5),
      entry(2, Number.POSITIVE_INFINITY, 0.5),
      entry(3, 1, 0.9),
    ];
    const { chart } = await chartOf(html`<lp-loss-chart style="width: 520px" .history=${history}></lp-loss-chart>`);
    expect(dots(chart, 'cost-dot').map(([i]) => i)).toEqual([0, 3]);
    expect(svgOf(chart)?.innerHTML).not.toContain('NaN');
  });

  it("draws a cost of 0 on the log axis's foot, says so, and keeps its accuracy", async () => {
    // A run whose summed cost underflowed to 0 once every sample was far on its side.
    const history = [entry(0, 40, 0.5), entry(1, 2, 0.9), entry(2, 0, 1), entry(3, 0, 1)];
    const { chart } = await chartOf(html`<lp-loss-chart style="width: 520px" .history=${history}></lp-loss-chart>`);
    const cost = dots(chart, 'cost-dot');
    expect(cost.map(([i]) => i)).toEqual([0, 1, 2, 3]);
    const [, , lowest] = cost[1] as [number, number, number];
    const [, , foot] = cost[2] as [number, number, number];
    // The foot is the plot's bottom (where the x axis is), below the lowest positive cost.
    const xAxis = chart.shadowRoot?.querySelector('.axis.x')?.getAttribute('transform') ?? '';
    expect(foot).toBeCloseTo(Number(/translate\([^,]+,([-\d.]+)\)/.exec(xAxis)?.[1]), 1);
    expect(foot).toBeGreaterThan(lowest);
    expect(cost[3]?.[2]).toBe(foot);
    expect(vertices(chart, 'path.cost')).toHaveLength(4);
    expect(dots(chart, 'accuracy-dot').map(([i]) => i)).toEqual([0, 1, 2, 3]);
    expect(vertices(chart, 'path.accuracy')).toHaveLength(4);
    expect(text(chart, '.measures')).toBe('ξ = 0 on the axis’s foot');
    // The x axis reaches the last iteration.
    expect(cost[3]?.[1]).toBeGreaterThan(cost[2]?.[1] ?? 0);
  });

  it('marks mini-batch measures as faint dots of their own, and says so', async () => {
    const history = [entry(0, 40, 0.5), entry(1, 30, 0.6, 'batch'), entry(2, 25, 0.7, 'batch'), entry(3, 20, 0.8)];
    const { chart } = await chartOf(html`<lp-loss-chart style="width: 520px" .history=${history}></lp-loss-chart>`);
    expect(dots(chart, 'batch-cost').map(([i]) => i)).toEqual([1, 2]);
    expect(dots(chart, 'batch-accuracy').map(([i]) => i)).toEqual([1, 2]);
    // The lines join the measures on all the data only.
    expect(vertices(chart, 'path.cost')).toHaveLength(2);
    expect(text(chart, '.measures')).toBe('lines: all the data · faint dots: one mini-batch');
    const faint = chart.shadowRoot?.querySelector('circle.batch-cost') as Element;
    expect(Number(getComputedStyle(faint).opacity)).toBeCloseTo(0.3);
  });

  it('gives up the whole-data dots past 60 iterations, keeping the line', async () => {
    const history = Array.from({ length: 80 }, (_, i) => entry(i, 100 / (i + 1), i / 80));
    const { chart } = await chartOf(html`<lp-loss-chart style="width: 520px" .history=${history}></lp-loss-chart>`);
    expect(dots(chart, 'cost-dot')).toHaveLength(0);
    expect(vertices(chart, 'path.cost').length).toBeGreaterThan(60);
  });

  it('is a picture with a name for a screen reader', async () => {
    const { chart } = await chartOf(
      html`<lp-loss-chart style="width: 520px" .history=${afterThree.run.history}></lp-loss-chart>`,
    );
    expect(svgOf(chart)?.getAttribute('role')).toBe('img');
    expect(svgOf(chart)?.getAttribute('aria-label')).toBe('Cost and accuracy over the iterations');
    expect(await seriousViolations(chart)).toEqual([]);
  });

  it('draws again at its new size after it is taken out and put back', async () => {
    const { mounted, chart } = await chartOf(
      html`<div><lp-loss-chart style="width: 400px" .history=${afterThree.run.history}></lp-loss-chart></div>`,
      (e) => e.querySelector('lp-loss-chart') as LpLossChart,
    );
    const lastX = () => dots(chart, 'cost-dot').at(-1)?.[1] ?? 0;
    const before = lastX();
    chart.remove();
    mounted.append(chart);
    chart.style.width = '700px';
    await expect.poll(() => svgOf(chart)?.getAttribute('width'), { interval: 5 }).toBe('700');
    await settled(chart);
    expect(lastX()).toBeGreaterThan(before + 200);
  });
});

describe('<lp-loss-chart> in a model', () => {
  it("draws the model's history and names its reduction", async () => {
    const mean: PlaygroundSettings = {
      ...DEFAULT_PLAYGROUND,
      training: { ...DEFAULT_PLAYGROUND.training, reduction: 'mean' },
    };
    const { mounted } = await chartOf(
      html`<lp-fake-model><lp-loss-chart style="width: 520px"></lp-loss-chart></lp-fake-model>`,
      (e) => e.querySelector('lp-loss-chart') as LpLossChart,
    );
    const model = mounted as LpFakeModel;
    const chart = model.querySelector('lp-loss-chart') as LpLossChart;
    expect(dots(chart, 'cost-dot')).toHaveLength(0);
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(dots(chart, 'cost-dot').map(([i]) => i)).toEqual([0, 1, 2, 3]);
    expect(text(chart, '.axis-label.y')).toBe('ξ (sum)');
    model.state = startingState({ published: start, settings: mean });
    await settled(model);
    expect(dots(chart, 'cost-dot').map(([i]) => i)).toEqual([0]);
    expect(text(chart, '.axis-label.y')).toBe('ξ (mean)');
  });
});
