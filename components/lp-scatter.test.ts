import { html, type TemplateResult } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublishedState } from '../src/controller/published-state';
import type { Dataset } from '../src/model/dataset';
import type { Params } from '../src/model/regression';
import type { PointEdit } from '../src/session/training-session';
import type { EditPointEvent, ImportCsvEvent } from './events';
import './lp-scatter';
import type { LpScatter } from './lp-scatter';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The window the scatter shows alone and for the tutorial: [−4, 4]². */
const HALF = 4;

interface Plot {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const root = (scatter: LpScatter) => scatter.shadowRoot as ShadowRoot;
const svgOf = (scatter: LpScatter) => root(scatter).querySelector('svg.chart') as SVGSVGElement;

/** The plot area, where the frame put the rectangle that takes the clicks. */
function plotOf(scatter: LpScatter): Plot {
  const hit = root(scatter).querySelector('rect.hit') as SVGRectElement;
  const n = (name: string) => Number(hit.getAttribute(name));
  return { left: n('x'), top: n('y'), width: n('width'), height: n('height') };
}

/** Data coordinates to the frame's pixels, and back, for the window [−4, 4]². */
function toPixel(plot: Plot, [x1, x2]: readonly [number, number]): [number, number] {
  return [plot.left + ((x1 + HALF) / (2 * HALF)) * plot.width, plot.top + ((HALF - x2) / (2 * HALF)) * plot.height];
}
function toData(plot: Plot, [px, py]: readonly [number, number]): [number, number] {
  return [-HALF + ((px - plot.left) / plot.width) * 2 * HALF, HALF - ((py - plot.top) / plot.height) * 2 * HALF];
}

/** The two ends of the drawn boundary, in data coordinates, or undefined while it is hidden. */
function boundaryEnds(scatter: LpScatter): [[number, number], [number, number]] | undefined {
  const line = root(scatter).querySelector('svg.chart line.boundary') as SVGLineElement;
  if (line.getAttribute('visibility') !== 'visible') return undefined;
  const n = (name: string) => Number(line.getAttribute(name));
  const plot = plotOf(scatter);
  return [toData(plot, [n('x1'), n('y1')]), toData(plot, [n('x2'), n('y2')])];
}

/** The drawn weight vector: its start and end in data coordinates, and its label. */
function weightOf(scatter: LpScatter) {
  const line = root(scatter).querySelector('line.weight');
  if (!line) return undefined;
  const n = (name: string) => Number(line.getAttribute(name));
  const plot = plotOf(scatter);
  return {
    from: toData(plot, [n('x1'), n('y1')]),
    to: toData(plot, [n('x2'), n('y2')]),
    label: root(scatter).querySelector('.weight-label')?.textContent,
  };
}

/** Each marker's class and its place in data coordinates. */
function markers(scatter: LpScatter): { t: number; at: [number, number] }[] {
  const plot = plotOf(scatter);
  return [...root(scatter).querySelectorAll('path.point')].map((p) => {
    const [, px, py] = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(p.getAttribute('transform') ?? '') ?? [];
    return { t: p.classList.contains('class-1') ? 1 : 0, at: toData(plot, [Number(px), Number(py)]) };
  });
}

/** A pointer event at a place in the frame's pixels, sent where the user's would land. */
function pointer<E extends MouseEvent>(
  scatter: LpScatter,
  make: new (type: string, init: PointerEventInit) => E,
  type: string,
  [px, py]: readonly [number, number],
  init: PointerEventInit = {},
): void {
  const box = svgOf(scatter).getBoundingClientRect();
  svgOf(scatter).dispatchEvent(
    new make(type, { clientX: box.left + px, clientY: box.top + py, bubbles: true, composed: true, ...init }),
  );
}

/** The edits a click asks for (none is none: the event would be sent while clicking). */
function clickAt(scatter: LpScatter, at: readonly [number, number], init: MouseEventInit = {}): PointEdit[] {
  const edits: PointEdit[] = [];
  const take = (e: EditPointEvent) => edits.push(e.detail);
  document.addEventListener('lp-edit-point', take);
  pointer(scatter, MouseEvent, 'click', toPixel(plotOf(scatter), at), init);
  document.removeEventListener('lp-edit-point', take);
  return edits;
}

const tooltip = (scatter: LpScatter) => root(scatter).querySelector<HTMLElement>('[part=tooltip]');

/** Mounts and waits for the frame to measure its box and draw. */
async function drawn<E extends Element>(template: TemplateResult, scatterOf: (e: E) => LpScatter) {
  const mounted = await mount<E>(template);
  const scatter = scatterOf(mounted);
  await expect
    .poll(() => root(scatter).querySelector('rect.hit')?.getAttribute('width'), { interval: 5 })
    .not.toBeNull();
  await settled(mounted);
  return { mounted, scatter };
}
const alone = (template: TemplateResult) => drawn<LpScatter>(template, (e) => e).then((d) => d.scatter);

/** The colour of the raster at a place in data coordinates. */
function rasterAt(scatter: LpScatter, at: readonly [number, number]): Uint8ClampedArray {
  const canvas = root(scatter).querySelector('canvas.raster') as HTMLCanvasElement;
  const ratio = canvas.width / svgOf(scatter).clientWidth;
  const [px, py] = toPixel(plotOf(scatter), at);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  return ctx.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data;
}

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const minus = (text: string) => text.replace(/-/g, '−');
const near = (a: readonly number[], b: readonly number[], tolerance = 1e-6) =>
  a.every((v, i) => Math.abs(v - (b[i] as number)) <= tolerance);

let start: PublishedState;
let afterThree: PublishedState;
let tutorial: Dataset;
/** w(3) of the tutorial. */
let w3: Params;
beforeAll(async () => {
  [start, afterThree] = await Promise.all([publishedState(0), publishedState(3)]);
  tutorial = afterThree.run.data;
  w3 = afterThree.run.evaluation.params;
});

describe('<lp-scatter> alone', () => {
  it('puts each sample where its coordinates are, shaped and coloured by class, and counts them', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial}></lp-scatter>`);
    const drawnMarkers = markers(scatter);
    expect(drawnMarkers).toHaveLength(40);
    drawnMarkers.forEach(({ t, at }, i) => {
      expect(t).toBe(tutorial.targets[i]);
      expect(near(at, [tutorial.points[2 * i] as number, tutorial.points[2 * i + 1] as number])).toBe(true);
    });
    const fill = (t: number) => getComputedStyle(root(scatter).querySelector(`path.point.class-${t}`) as Element).fill;
    expect(fill(0)).toBe('rgb(213, 94, 0)');
    expect(fill(1)).toBe('rgb(0, 114, 178)');
    const legend = [...root(scatter).querySelectorAll('[data-legend-class]')].map((s) => s.textContent);
    expect(legend).toEqual(['t = 0 · 20 points', 't = 1 · 20 points']);
    expect(root(scatter).querySelector('[part=legend]')?.getAttribute('aria-hidden')).toBe('true');
    const axisLabels = [...root(scatter).querySelectorAll('.axis-label')].map((l) => l.textContent);
    expect(axisLabels.slice(0, 2)).toEqual(['x₁', 'x₂']);
  });

  it('draws the boundary where w·x + b = 0 across the window, for w(3) from (−1.6368, 4) to (1.6368, −4)', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial} .params=${w3}></lp-scatter>`);
    const ends = boundaryEnds(scatter);
    if (!ends) throw new Error('no boundary drawn');
    for (const [x1, x2] of ends) expect(w3.w[0]! * x1 + w3.w[1]! * x2 + w3.b).toBeCloseTo(0, 6);
    // x₂ = −(w₁/w₂)·x₁ is steep: it leaves through the top and the bottom, at x₁ = ∓4·w₂/w₁.
    const top = ends.find(([, x2]) => x2 > 0) ?? [Number.NaN, Number.NaN];
    const bottom = ends.find(([, x2]) => x2 < 0) ?? [Number.NaN, Number.NaN];
    expect(top[1]).toBeCloseTo(4, 6);
    expect(top[0]).toBeCloseTo((-4 * w3.w[1]!) / w3.w[0]!, 6);
    expect(top[0]).toBeCloseTo(-1.6368, 3);
    expect(bottom[1]).toBeCloseTo(-4, 6);
    expect(bottom[0]).toBeCloseTo((4 * w3.w[1]!) / w3.w[0]!, 6);
  });

  it('moves the boundary by −b/w₂ with a bias: x₂ = 1 for w = (0, 2), b = −2', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .params=${{ w: [0, 2], b: -2 }}></lp-scatter>`);
    const ends = boundaryEnds(scatter);
    expect(ends?.map(([x1]) => Math.round(x1)).sort()).toEqual([-4, 4]);
    for (const [, x2] of ends ?? []) expect(x2).toBeCloseTo(1, 6);
    // w starts on the boundary, nearest the centre, and points up, towards class 1, at its true length 2.
    const w = weightOf(scatter);
    expect(w?.from[0]).toBeCloseTo(0, 6);
    expect(w?.from[1]).toBeCloseTo(1, 6);
    expect(w?.to[0]).toBeCloseTo(0, 6);
    expect(w?.to[1]).toBeCloseTo(3, 6);
    expect(w?.label).toBe('w');
  });

  it('draws w at a right angle to the boundary, from the origin when b = 0', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .params=${w3}></lp-scatter>`);
    const w = weightOf(scatter);
    if (!w) throw new Error('no w drawn');
    expect(near(w.from, [0, 0])).toBe(true);
    // |w(3)| = 0.988 is drawn as it is.
    const norm = Math.hypot(w3.w[0]!, w3.w[1]!);
    expect(near(w.to, [w3.w[0]!, w3.w[1]!])).toBe(true);
    expect(w.label).toBe('w');
    const [[ax, ay], [bx, by]] = boundaryEnds(scatter) ?? [
      [0, 0],
      [0, 0],
    ];
    const along = [bx - ax, by - ay];
    expect(((along[0] as number) * w3.w[0]! + (along[1] as number) * w3.w[1]!) / norm).toBeCloseTo(0, 6);
    const line = root(scatter).querySelector('line.weight');
    expect(line?.getAttribute('data-weight')).toBe(`${w3.w[0]! / norm},${w3.w[1]! / norm}`);
  });

  it('scales a long w to fit and says so: w(0) = (−4, −2)', async () => {
    const w0 = start.run.evaluation.params;
    const scatter = await alone(html`<lp-scatter style="width: 400px" .params=${w0}></lp-scatter>`);
    const w = weightOf(scatter);
    expect(w?.label).toBe('w (scaled)');
    const [dx, dy] = [(w?.to[0] ?? 0) - (w?.from[0] ?? 0), (w?.to[1] ?? 0) - (w?.from[1] ?? 0)];
    // Along w, shorter than |w| = 4.47.
    expect(dy / dx).toBeCloseTo(0.5, 6);
    expect(dx).toBeLessThan(0);
    expect(Math.hypot(dx, dy)).toBeLessThan(Math.hypot(-4, -2));
  });

  it('draws no boundary and no w while w = 0', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial}></lp-scatter>`);
    expect(boundaryEnds(scatter)).toBeUndefined();
    expect(weightOf(scatter)).toBeUndefined();
  });

  it('paints P(t = 1 | x) under the points: the class-0 colour where it is 0, class 1 where it is 1', async () => {
    const size = 16;
    const values = Float32Array.from({ length: size * size }, (_, k) => (k % size < size / 2 ? 0 : 1));
    const probabilities = { grid: { x: [-4, 4] as const, y: [-4, 4] as const, size }, values };
    const scatter = await alone(html`<lp-scatter style="width: 400px"></lp-scatter>`);
    expect(rasterAt(scatter, [-3, 0])[3]).toBe(0);
    scatter.probabilities = probabilities;
    await settled(scatter);
    const [r0, , b0, a0] = rasterAt(scatter, [-3, 0]);
    const [r1, , b1] = rasterAt(scatter, [3, 0]);
    expect(r0).toBeGreaterThan(b0 as number);
    expect(b1).toBeGreaterThan(r1 as number);
    // Faint enough for the points to read on it.
    expect(a0).toBeGreaterThan(100);
    expect(a0).toBeLessThan(130);
  });

  it('gives way to a density of both classes above 2 000 points', async () => {
    const n = 3000;
    const data: Dataset = {
      points: Float64Array.from({ length: 2 * n }, (_, k) => ((k * 7919) % 700) / 100 - 3.5),
      targets: Uint8Array.from({ length: n }, (_, i) => i % 2),
    };
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${data}></lp-scatter>`);
    expect(root(scatter).querySelectorAll('path.point')).toHaveLength(0);
    const legend = [...root(scatter).querySelectorAll('[data-legend-class]')].map((s) => s.textContent);
    expect(legend).toEqual(['t = 0 · 1\u202f500 points', 't = 1 · 1\u202f500 points']);
    expect(root(scatter).querySelector('.legend .wide')?.textContent).toBe(
      'density: each pixel mixes the classes of its points',
    );
  });

  it('asks to add a point of the class chosen where it is clicked, of the other with Shift', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial}></lp-scatter>`);
    const tolerance = (2 * HALF) / plotOf(scatter).width;
    const [plain] = clickAt(scatter, [1, 2]);
    expect(plain?.action).toBe('add');
    expect(plain?.action === 'add' && plain.t).toBe(0);
    expect(near([plain?.x1 ?? 0, plain?.x2 ?? 0], [1, 2], tolerance)).toBe(true);
    expect(clickAt(scatter, [-2.5, 0.5], { shiftKey: true })).toMatchObject([{ action: 'add', t: 1 }]);
    scatter.addClass = 1;
    await settled(scatter);
    expect(clickAt(scatter, [0, 0])).toMatchObject([{ action: 'add', t: 1 }]);
    expect(clickAt(scatter, [0, 0], { shiftKey: true })).toMatchObject([{ action: 'add', t: 0 }]);
  });

  it('asks to remove the point nearest an Alt-click, and sends the event up through the page', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial}></lp-scatter>`);
    const sent = nextEvent<EditPointEvent>(document, 'lp-edit-point');
    const [edit] = clickAt(scatter, [0.95, -0.73], { altKey: true });
    const event = await sent;
    expect(event.bubbles && event.composed).toBe(true);
    expect(edit?.action).toBe('remove');
    expect(edit && 't' in edit).toBe(false);
    // Where it was clicked: the model finds the nearest point.
    const tolerance = (2 * HALF) / plotOf(scatter).width;
    expect(near([edit?.x1 ?? 0, edit?.x2 ?? 0], [0.95, -0.73], tolerance)).toBe(true);
  });

  it('asks for nothing when the click is outside the plot, or the plot is readonly', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial}></lp-scatter>`);
    // In the margin left of the plot, by the tick labels.
    expect(clickAt(scatter, [-4.3, 0])).toEqual([]);
    scatter.readonly = true;
    await settled(scatter);
    expect(scatter.hasAttribute('readonly')).toBe(true);
    expect(clickAt(scatter, [1, 2])).toEqual([]);
    expect(clickAt(scatter, [1, 2], { altKey: true })).toEqual([]);
  });

  it('says what the point under the pointer is: x, t and y = σ(z)', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial} .params=${w3}></lp-scatter>`);
    const [x1, x2] = [tutorial.points[0] as number, tutorial.points[1] as number];
    // A few pixels off the point: the nearest sample is found.
    const [px, py] = toPixel(plotOf(scatter), [x1, x2]);
    pointer(scatter, PointerEvent, 'pointermove', [px + 3, py - 2]);
    await settled(scatter);
    const y = sigma(w3.w[0]! * x1 + w3.w[1]! * x2 + w3.b);
    expect(tooltip(scatter)?.textContent).toBe(
      minus(`x = (${x1.toFixed(3)}, ${x2.toFixed(3)})\nt = 0   y = σ(z) = ${y.toFixed(3)}`),
    );
    expect(tooltip(scatter)?.getAttribute('role')).toBe('status');
    expect(root(scatter).querySelector('circle.hovered')?.getAttribute('visibility')).toBe('visible');
    expect(await seriousViolations(scatter)).toEqual([]);
    pointer(scatter, PointerEvent, 'pointerleave', [px, py]);
    await settled(scatter);
    expect(tooltip(scatter)).toBeNull();
    expect(root(scatter).querySelector('circle.hovered')?.getAttribute('visibility')).toBe('hidden');
  });

  it('shows σ(0) = 0.5 away from the points while w = 0, and opens to the left in the right half', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial}></lp-scatter>`);
    pointer(scatter, PointerEvent, 'pointermove', toPixel(plotOf(scatter), [3.5, 3.5]));
    await settled(scatter);
    expect(tooltip(scatter)?.textContent).toBe('x = (3.50, 3.50)\nP(t = 1 | x) = 0.500');
    expect(tooltip(scatter)?.classList.contains('left')).toBe(true);
    pointer(scatter, PointerEvent, 'pointermove', toPixel(plotOf(scatter), [-3.5, 3.5]));
    await settled(scatter);
    expect(tooltip(scatter)?.textContent).toBe('x = (−3.50, 3.50)\nP(t = 1 | x) = 0.500');
    expect(tooltip(scatter)?.classList.contains('left')).toBe(false);
  });

  it('names the picture for a screen reader', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px" .data=${tutorial} .params=${w3}></lp-scatter>`);
    expect(svgOf(scatter).getAttribute('role')).toBe('img');
    expect(svgOf(scatter).getAttribute('aria-label')).toBe(
      'Scatter plot of the two classes, the probability of class 1 as background colour, the decision boundary and the weight vector',
    );
  });

  it('takes a dropped CSV text, outlined while over it, unless readonly', async () => {
    const scatter = await alone(html`<lp-scatter style="width: 400px"></lp-scatter>`);
    const drag = (type: string) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.setData('text/plain', 'x1,x2,t\n1,2,0\n');
      const event = new DragEvent(type, { dataTransfer, bubbles: true, composed: true, cancelable: true });
      svgOf(scatter).dispatchEvent(event);
      return event;
    };
    expect(drag('dragover').defaultPrevented).toBe(true);
    expect(scatter.hasAttribute('data-drop-target')).toBe(true);
    const imported = nextEvent<ImportCsvEvent>(scatter, 'lp-import-csv');
    drag('drop');
    const { detail } = await imported;
    expect(detail.name).toBe('the dropped text');
    expect(await detail.source.text()).toBe('x1,x2,t\n1,2,0\n');
    expect(scatter.hasAttribute('data-drop-target')).toBe(false);
    scatter.readonly = true;
    await settled(scatter);
    expect(drag('dragover').defaultPrevented).toBe(false);
    expect(drag('drop').defaultPrevented).toBe(false);
  });

  it('leaves drops alone while out of the page, and takes them and its new size when back', async () => {
    const { mounted, scatter } = await drawn<HTMLElement>(
      html`<div><lp-scatter style="width: 300px" .data=${tutorial} .params=${w3}></lp-scatter></div>`,
      (e) => e.querySelector('lp-scatter') as LpScatter,
    );
    const imports: ImportCsvEvent[] = [];
    scatter.addEventListener('lp-import-csv', (e) => imports.push(e));
    const drop = () => {
      const dataTransfer = new DataTransfer();
      dataTransfer.setData('text/plain', '1,2,0');
      scatter.dispatchEvent(new DragEvent('drop', { dataTransfer, cancelable: true }));
    };
    scatter.remove();
    drop();
    expect(imports).toHaveLength(0);
    mounted.append(scatter);
    drop();
    expect(imports).toHaveLength(1);
    const before = plotOf(scatter).width;
    scatter.style.width = '500px';
    await expect.poll(() => plotOf(scatter).width, { interval: 5 }).toBeGreaterThan(before + 150);
    await settled(scatter);
    // Drawn again for the new size: the boundary still lies on w·x = 0.
    for (const [x1, x2] of boundaryEnds(scatter) ?? []) expect(w3.w[0]! * x1 + w3.w[1]! * x2).toBeCloseTo(0, 6);
  });
});

describe('<lp-scatter> in a model', () => {
  it("shows the model's data, boundary and window, and adds the model's class", async () => {
    const { mounted: model, scatter } = await drawn<LpFakeModel>(
      html`<lp-fake-model><lp-scatter style="width: 400px"></lp-scatter></lp-fake-model>`,
      (e) => e.querySelector('lp-scatter') as LpScatter,
    );
    expect(markers(scatter)).toHaveLength(0);
    model.state = startingState({ published: afterThree, addClass: 1 });
    await settled(model);
    expect(markers(scatter)).toHaveLength(40);
    const ticks = [...root(scatter).querySelectorAll('.axis.x .tick text')].map((t) => t.textContent);
    expect(ticks.at(0)).toBe('−4');
    expect(ticks.at(-1)).toBe('4');
    for (const [x1, x2] of boundaryEnds(scatter) ?? []) expect(w3.w[0]! * x1 + w3.w[1]! * x2).toBeCloseTo(0, 6);
    expect(boundaryEnds(scatter)).toBeDefined();
    // The model's P(t = 1 | x) is painted: σ(w(3)·x) at (3, 3) is 0.98, class 1's colour.
    const [r, , b] = rasterAt(scatter, [3, 3]);
    expect(b).toBeGreaterThan(r as number);
    expect(clickAt(scatter, [1, 1])).toMatchObject([{ action: 'add', t: 1 }]);
    model.state = startingState({ published: afterThree, addClass: 0 });
    await settled(model);
    expect(clickAt(scatter, [1, 1])).toMatchObject([{ action: 'add', t: 0 }]);
  });
});
