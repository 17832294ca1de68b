import { html, type TemplateResult } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import type { Params } from '../src/model/regression';
import type { SurfaceStatus } from '../src/session/cost-surface-job';
import type { HistoryEntry } from '../src/session/history';
import type { SettingsChange } from '../src/settings/playground-settings';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from '../src/settings/playground-settings';
import type { SettingsEvent } from './events';
import './lp-cost-surface';
import type { LpCostSurface } from './lp-cost-surface';
import { settingsSent } from './testing/controls';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The window the tutorial's surface is drawn over: [−5, 5]². */
const HALF = 5;

interface Plot {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const root = (surface: LpCostSurface) => surface.shadowRoot as ShadowRoot;
const svgOf = (surface: LpCostSurface) => root(surface).querySelector('svg.chart') as SVGSVGElement;

function plotOf(surface: LpCostSurface): Plot {
  const hit = root(surface).querySelector('rect.hit') as SVGRectElement;
  const n = (name: string) => Number(hit.getAttribute(name));
  return { left: n('x'), top: n('y'), width: n('width'), height: n('height') };
}

function toPixel(plot: Plot, [w1, w2]: readonly [number, number]): [number, number] {
  return [plot.left + ((w1 + HALF) / (2 * HALF)) * plot.width, plot.top + ((HALF - w2) / (2 * HALF)) * plot.height];
}
function toData(plot: Plot, [px, py]: readonly [number, number]): [number, number] {
  return [-HALF + ((px - plot.left) / plot.width) * 2 * HALF, HALF - ((py - plot.top) / plot.height) * 2 * HALF];
}

/** Where circles of a class are, in (w1, w2). */
function circlesAt(surface: LpCostSurface, selector: string): [number, number][] {
  const plot = plotOf(surface);
  return [...root(surface).querySelectorAll(selector)].map((c) =>
    toData(plot, [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
  );
}

/** The arrow of the next step: its ends in (w1, w2), and its length in px. */
function stepArrow(surface: LpCostSurface) {
  const line = root(surface).querySelector('line.gradient');
  if (!line) return undefined;
  const n = (name: string) => Number(line.getAttribute(name));
  const plot = plotOf(surface);
  return {
    from: toData(plot, [n('x1'), n('y1')]),
    to: toData(plot, [n('x2'), n('y2')]),
    pixels: Math.hypot(n('x2') - n('x1'), n('y2') - n('y1')),
  };
}

const labels = (surface: LpCostSurface) =>
  [...root(surface).querySelectorAll('.labels text')].map((t) => t.textContent ?? '');
const title = (surface: LpCostSurface) => root(surface).querySelector('[data-title]')?.textContent ?? '';
const busy = (surface: LpCostSurface) => root(surface).querySelector<HTMLElement>('[part=busy]');

/** The settings change a click asks for, or none. */
function clickAt(surface: LpCostSurface, at: readonly [number, number]): SettingsChange[] {
  const asked: SettingsChange[] = [];
  const take = (e: SettingsEvent) => asked.push(e.detail);
  document.addEventListener('lp-settings', take);
  const [px, py] = toPixel(plotOf(surface), at);
  const box = svgOf(surface).getBoundingClientRect();
  svgOf(surface).dispatchEvent(
    new MouseEvent('click', { clientX: box.left + px, clientY: box.top + py, bubbles: true, composed: true }),
  );
  document.removeEventListener('lp-settings', take);
  return asked;
}

/** Mounts and waits for the frame to measure its box and draw. */
async function drawn<E extends Element>(template: TemplateResult, surfaceOf: (e: E) => LpCostSurface) {
  const mounted = await mount<E>(template);
  const surface = surfaceOf(mounted);
  await expect
    .poll(() => root(surface).querySelector('rect.hit')?.getAttribute('width'), { interval: 5 })
    .not.toBeNull();
  await settled(mounted);
  return { mounted, surface };
}
const alone = (template: TemplateResult) => drawn<LpCostSurface>(template, (e) => e).then((d) => d.surface);

/** The raster's colour at (w1, w2). */
function rasterAt(surface: LpCostSurface, at: readonly [number, number]): Uint8ClampedArray {
  const canvas = root(surface).querySelector('canvas.raster') as HTMLCanvasElement;
  const ratio = canvas.width / svgOf(surface).clientWidth;
  const [px, py] = toPixel(plotOf(surface), at);
  return (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
    Math.round(px * ratio),
    Math.round(py * ratio),
    1,
    1,
  ).data;
}
const brightness = (rgb: ArrayLike<number>) => (rgb[0] as number) + (rgb[1] as number) + (rgb[2] as number);
const near = (a: readonly number[], b: readonly number[], tolerance = 1e-6) =>
  a.every((v, i) => Math.abs(v - (b[i] as number)) <= tolerance);

let start: PublishedState;
let afterThree: PublishedState;
let status: SurfaceStatus;
let history: readonly HistoryEntry[];
let w3: Params;
let gradient: Params;
beforeAll(async () => {
  [start, afterThree] = await Promise.all([publishedState(0), publishedState(3)]);
  status = afterThree.surface as SurfaceStatus;
  history = afterThree.run.history;
  w3 = afterThree.run.evaluation.params;
  gradient = afterThree.run.evaluation.gradient;
});

/** The tutorial after three steps, drawn alone with its own properties. */
const tutorialSurface = (extra: Partial<LpCostSurface> = {}) =>
  alone(
    html`<lp-cost-surface style="width: 460px" .status=${extra.status ?? status} .history=${extra.history ?? history}
      .params=${extra.params ?? w3} .gradient=${extra.gradient ?? gradient}></lp-cost-surface>`,
  );

describe('<lp-cost-surface> alone', () => {
  it('draws nothing until it has a surface to draw', async () => {
    const surface = await mount<LpCostSurface>(html`<lp-cost-surface style="width: 460px"></lp-cost-surface>`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await settled(surface);
    expect(title(surface)).toBe('');
    expect(root(surface).querySelectorAll('.path-dot')).toHaveLength(0);
    expect(busy(surface)).toBeNull();
  });

  it('draws the descent path through w(0), w(1), w(2), w(3), each labelled, w(3) ringed', async () => {
    const surface = await tutorialSurface();
    const dots = circlesAt(surface, 'circle.path-dot');
    expect(dots).toHaveLength(4);
    dots.forEach((at, i) => {
      const [w1 = Number.NaN, w2 = Number.NaN] = history[i]?.params.w ?? [];
      expect(near(at, [w1, w2])).toBe(true);
    });
    // The tutorial's w(1) = (−2.0147, −1.0962).
    expect(dots[1]?.[0]).toBeCloseTo(-2.0147, 4);
    expect(dots[1]?.[1]).toBeCloseTo(-1.0962, 4);
    const [ring] = circlesAt(surface, 'circle.current');
    expect(near(ring ?? [], [w3.w[0]!, w3.w[1]!])).toBe(true);
    expect(labels(surface).sort()).toEqual(['w(0)', 'w(1)', 'w(2)', 'w(3)', '−η∇ξ']);
    expect(title(surface)).toBe('Cost ξ(w₁, w₂)');
  });

  it('points the arrow along the next step −η∇ξ, from w(3) to w(4)', async () => {
    const surface = await tutorialSurface();
    const arrow = stepArrow(surface);
    if (!arrow) throw new Error('no step drawn');
    expect(near(arrow.from, [w3.w[0]!, w3.w[1]!])).toBe(true);
    // η = 0.05: w(4) = w(3) − 0.05·∇ξ(w(3)).
    expect(near(arrow.to, [w3.w[0]! - 0.05 * gradient.w[0]!, w3.w[1]! - 0.05 * gradient.w[1]!])).toBe(true);
    const longer = arrow.pixels;
    surface.learningRate = 0.1;
    await settled(surface);
    expect(stepArrow(surface)?.pixels).toBeCloseTo(2 * longer, 6);
  });

  it('cuts a step longer than half the plot short and says so, and draws none for an η that is no number', async () => {
    const surface = await tutorialSurface();
    surface.setAttribute('learning-rate', '10');
    await settled(surface);
    expect(surface.learningRate).toBe(10);
    const arrow = stepArrow(surface);
    expect(arrow?.pixels).toBeCloseTo(plotOf(surface).width / 2, 6);
    // Still along −∇ξ.
    const [dx, dy] = [(arrow?.to[0] ?? 0) - w3.w[0]!, (arrow?.to[1] ?? 0) - w3.w[1]!];
    expect(dy / dx).toBeCloseTo(gradient.w[1]! / gradient.w[0]!, 6);
    expect(dx).toBeGreaterThan(0);
    expect(labels(surface)).toContain('−η∇ξ (shortened)');

    // The number reader takes no hexadecimal: NaN, and no arrow.
    surface.setAttribute('learning-rate', '0x10');
    await settled(surface);
    expect(surface.learningRate).toBeNaN();
    expect(stepArrow(surface)).toBeUndefined();
    expect(labels(surface).filter((l) => l.startsWith('−η∇ξ'))).toEqual([]);
    expect(svgOf(surface).innerHTML).not.toContain('NaN');
  });

  it('marks a current point beyond the window at its edge, with where it is', async () => {
    const far: Params = { w: [40, 0.37], b: 0 };
    const surface = await tutorialSurface({ params: far });
    const edge = root(surface).querySelector('[data-edge]');
    expect(edge).not.toBeNull();
    expect(root(surface).querySelector('circle.current')).toBeNull();
    expect(stepArrow(surface)).toBeUndefined();
    expect(root(surface).querySelector('[data-edge-label]')?.textContent).toBe('w(3) = (40.0, 0.4)');
    // On the right edge, where the line from the centre (0, 0) to w = (40, 0.37) leaves the plot.
    const [, ex, ey, angle] =
      /translate\(([-\d.e]+),([-\d.e]+)\) rotate\(([-\d.e]+)\)/.exec(edge?.getAttribute('transform') ?? '') ?? [];
    const plot = plotOf(surface);
    expect(Number(ex)).toBeCloseTo(plot.left + plot.width - 3, 6);
    const [w1, w2] = toData(plot, [Number(ex), Number(ey)]);
    expect(w2 / w1).toBeCloseTo(0.37 / 40, 6);
    // Pointing out through the right edge.
    expect(Math.abs(Number(angle))).toBeLessThan(1);
  });

  it('paints ξ with viridis on a log scale: the costly corner bright, the valley dark, with isolines', async () => {
    const surface = await tutorialSurface();
    // w = (−4.5, −4.5) points away from class 1: every point costs; w(10) = (1.4854, 0.7834) is near the minimum.
    expect(brightness(rasterAt(surface, [-4.5, -4.5]))).toBeGreaterThan(
      brightness(rasterAt(surface, [1.4854, 0.7834])),
    );
    expect(rasterAt(surface, [0, 0])[3]).toBe(255);
    expect(root(surface).querySelectorAll('.contours path')).toHaveLength(13);
    const bar = [...root(surface).querySelectorAll('.colorbar rect')];
    expect(bar).toHaveLength(48);
    // The bar runs from dark (low ξ, at the bottom) to bright (high ξ, at the top).
    const rgb = (el: Element | undefined) => (el?.getAttribute('fill')?.match(/\d+/g) ?? []).map(Number);
    expect(brightness(rgb(bar.at(-1)))).toBeGreaterThan(brightness(rgb(bar.at(0))));
    expect(Number(bar.at(-1)?.getAttribute('y'))).toBeLessThan(Number(bar.at(0)?.getAttribute('y')));
    const barLabel = root(surface).querySelector('.colorbar .axis-label')?.textContent;
    expect(barLabel).toBe('ξ (sum)');
    surface.reduction = 'mean';
    await settled(surface);
    expect(root(surface).querySelector('.colorbar .axis-label')?.textContent).toBe('ξ (mean)');
  });

  it('says it is the slice at the current b when the bias is trained', async () => {
    const surface = await tutorialSurface({ params: { ...w3, b: -0.25 } });
    surface.bias = true;
    await settled(surface);
    expect(title(surface)).toBe('ξ(w₁, w₂) at b = −0.250');
    expect(svgOf(surface).getAttribute('aria-label')).toBe(
      'ξ(w₁, w₂) at b = −0.250 with the descent path; click to start from there',
    );
  });

  it('dims an old surface and says how far the new one is', async () => {
    const surface = await tutorialSurface({ status: { ...status, current: false, progress: 0.42 } });
    expect(surface.hasAttribute('stale')).toBe(true);
    expect(Number(getComputedStyle(root(surface).querySelector('canvas.raster') as Element).opacity)).toBeCloseTo(0.3);
    expect(busy(surface)?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Computing ξ… 42 %');
    expect(busy(surface)?.getAttribute('role')).toBe('status');
    expect(busy(surface)?.querySelector('progress')?.value).toBeCloseTo(0.42);
    surface.status = { ...status, image: undefined, current: false, progress: 0.1 };
    await settled(surface);
    expect(busy(surface)?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Computing ξ for these data… 10 %');
    expect(await seriousViolations(surface)).toEqual([]);
    surface.status = status;
    await settled(surface);
    expect(surface.hasAttribute('stale')).toBe(false);
    expect(busy(surface)).toBeNull();
  });

  it('says why the surface could not be computed (an alert), and how many points an estimate was made from', async () => {
    const surface = await tutorialSurface({ status: { ...status, error: 'out of memory' } });
    expect(busy(surface)?.getAttribute('role')).toBe('alert');
    expect(busy(surface)?.textContent).toBe('The cost surface could not be computed: out of memory');
    expect(root(surface).querySelector('.estimate')).toBeNull();
    const image = status.image;
    if (!image) throw new Error('the tutorial has no surface');
    surface.status = { ...status, image: { ...image, estimate: { visited: 50_000, n: 2_000_000 } } };
    await settled(surface);
    expect(busy(surface)).toBeNull();
    expect(root(surface).querySelector('.estimate')?.textContent).toBe('estimated from 50 000 of 2 000 000 points');
  });

  it('asks to start from the clicked weights, to four significant digits', async () => {
    const surface = await tutorialSurface();
    const sent = nextEvent<SettingsEvent>(document, 'lp-settings');
    const [change] = clickAt(surface, [2, -1.5]);
    const event = await sent;
    expect(event.bubbles && event.composed).toBe(true);
    const weights = change?.training?.initialWeights ?? [Number.NaN, Number.NaN];
    expect(Object.keys(change ?? {})).toEqual(['training']);
    expect(Object.keys(change?.training ?? {})).toEqual(['initialWeights']);
    const tolerance = (2 * HALF) / plotOf(surface).width;
    expect(near(weights, [2, -1.5], tolerance)).toBe(true);
    for (const w of weights) expect(Number(w.toPrecision(4))).toBe(w);
  });

  it('asks for nothing outside the plot or when readonly, and then does not invite a click', async () => {
    const surface = await tutorialSurface();
    expect(clickAt(surface, [-5.4, 0])).toEqual([]);
    expect(svgOf(surface).getAttribute('aria-label')).toBe(
      'Cost ξ(w₁, w₂) with the descent path; click to start from there',
    );
    surface.readonly = true;
    await settled(surface);
    expect(surface.hasAttribute('readonly')).toBe(true);
    expect(clickAt(surface, [1, 1])).toEqual([]);
    expect(svgOf(surface).getAttribute('aria-label')).toBe('Cost ξ(w₁, w₂) with the descent path');
    expect(svgOf(surface).getAttribute('role')).toBe('img');
  });

  it('draws again at its new size after it is taken out and put back', async () => {
    const { mounted, surface } = await drawn<HTMLElement>(
      html`<div><lp-cost-surface style="width: 300px" .status=${status} .history=${history} .params=${w3}
        .gradient=${gradient}></lp-cost-surface></div>`,
      (e) => e.querySelector('lp-cost-surface') as LpCostSurface,
    );
    const before = plotOf(surface).width;
    surface.remove();
    mounted.append(surface);
    surface.style.width = '500px';
    await expect.poll(() => plotOf(surface).width, { interval: 5 }).toBeGreaterThan(before + 150);
    await settled(surface);
    const [ring] = circlesAt(surface, 'circle.current');
    expect(near(ring ?? [], [w3.w[0]!, w3.w[1]!])).toBe(true);
    expect(clickAt(surface, [1, 1])).toHaveLength(1);
  });
});

describe('<lp-cost-surface> in a model', () => {
  it("draws the model's surface, path and step, with its η and bias", async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-cost-surface style="width: 460px"></lp-cost-surface></lp-fake-model>`,
    );
    const surface = model.querySelector('lp-cost-surface') as LpCostSurface;
    expect(title(surface)).toBe('');
    model.state = startingState({ published: start });
    await settled(model);
    await expect
      .poll(() => root(surface).querySelector('rect.hit')?.getAttribute('width'), { interval: 5 })
      .not.toBeNull();
    await settled(model);
    expect(circlesAt(surface, 'circle.path-dot')).toHaveLength(1);
    expect(labels(surface)).toContain('w(0)');
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(circlesAt(surface, 'circle.path-dot')).toHaveLength(4);
    const arrow = stepArrow(surface);
    expect(near(arrow?.to ?? [], [w3.w[0]! - 0.05 * gradient.w[0]!, w3.w[1]! - 0.05 * gradient.w[1]!])).toBe(true);

    const faster: PlaygroundSettings = {
      ...DEFAULT_PLAYGROUND,
      training: { ...DEFAULT_PLAYGROUND.training, learningRate: 0.1, bias: true },
    };
    model.state = startingState({ published: afterThree, settings: faster });
    await settled(model);
    expect(surface.learningRate).toBe(0.1);
    expect(near(stepArrow(surface)?.to ?? [], [w3.w[0]! - 0.1 * gradient.w[0]!, w3.w[1]! - 0.1 * gradient.w[1]!])).toBe(
      true,
    );
    expect(title(surface)).toBe('ξ(w₁, w₂) at b = 0.000');
  });
});

describe('<lp-cost-surface> of a wider model', () => {
  it('picks the two weights it shows from lists in its corner, by name and feature; the same one twice swaps them', async () => {
    const el = await mount<LpCostSurface>(
      html`<lp-cost-surface style="width:400px;height:350px" .features=${['x1', 'x2', 'x1^2']}></lp-cost-surface>`,
    );
    const lists = [...(el.shadowRoot?.querySelectorAll<HTMLSelectElement>('.axes-pick select') ?? [])];
    expect(lists.map((l) => l.getAttribute('aria-label'))).toEqual(['cost surface x', 'cost surface y']);
    expect([...lists[0]!.options].map((o) => o.text)).toEqual(['w₁ (x₁)', 'w₂ (x₂)', 'w₃ (x₁²)']);
    expect(lists.map((l) => l.value)).toEqual(['x1', 'x2']);
    const sent = settingsSent(el);
    await userEvent.selectOptions(lists[0]!, 'x1^2');
    await userEvent.selectOptions(lists[1]!, 'x1');
    expect(sent).toEqual([
      { training: { surfaceFeatures: ['x1^2', 'x2'] } },
      { training: { surfaceFeatures: ['x2', 'x1'] } },
    ]);
    expect(await seriousViolations(el)).toEqual([]);
    // Two weights: nothing to pick.
    el.features = ['x1', 'x2'];
    await settled(el);
    expect(el.shadowRoot?.querySelector('.axes-pick')).toBeNull();
  });
});
