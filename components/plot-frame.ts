/**
 * The frame every 2-D plot of the project draws in: the scatter, the cost
 * surface, the loss chart and the lecture's figures. A Lit reactive
 * controller that owns the size (its box's, followed with a ResizeObserver),
 * the margins, a canvas under an SVG (rasters and many
 * marks below, axes and marks above), the D3 axes, the hit test and the
 * raster blit.
 *
 * Sizes are CSS pixels, not a scaled viewBox, so a plot's text is exactly as
 * large as the page's (presentation mode enlarges ticks with everything
 * else). The margins are measured, not guessed: the axes are drawn, every
 * piece outside the plot (tick labels, axis titles, a colour bar) is
 * measured, and the plot is laid out again with exactly the room they need,
 * so no tick label is ever clipped, whatever its length.
 */
import * as d3 from 'd3';
import {
  html,
  type LitElement,
  nothing,
  type ReactiveController,
  type SVGTemplateResult,
  type TemplateResult,
} from 'lit';
import type { ColorRamp } from '../src/plot/colors';
import { type AxisSpec, axisOf, type Scale, scaleFor } from './plot-axes';
import { themedRamp } from './theme';

// The frame's look lives beside it; every plot imports both from here.
export { frameStyles } from './plot-styles';

export type { AxisSpec, Scale };

export interface FrameSpec {
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  /** A second vertical axis, on the right. */
  readonly y2?: AxisSpec;
  /** One unit as long on x as on y: the plot area is square (give both axes equally long domains). */
  readonly equalUnits?: boolean;
  /** Says when what `decorate` draws changes size (new colour-bar labels): the frame is measured again. */
  readonly decorKey?: string;
  /** Draws what sits outside the plot (a colour bar) into `g.decor`, so that it is measured with the axes. */
  readonly decorate?: (layout: PlotLayout, decor: d3.Selection<SVGGElement, unknown, null, undefined>) => void;
}

export interface PlotRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PlotLayout {
  readonly x: Scale;
  readonly y: Scale;
  readonly y2: Scale | undefined;
  /** The plot area inside the frame, in CSS px. */
  readonly plot: PlotRect;
  readonly width: number;
  readonly height: number;
}

interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room kept between the outermost label and the frame's edge. */
const EDGE = 3;

export class PlotFrame implements ReactiveController {
  private width = 0;
  private height = 0;
  private observer: ResizeObserver | undefined;
  private layoutKey = '';
  private current: PlotLayout | undefined;

  constructor(
    private readonly host: LitElement,
    /** What the SVG says to a screen reader. */
    private readonly label: () => string,
    /**
     * "img" for a picture; "group" when the plot holds a control of its own
     * (a handle), which a picture may not contain.
     */
    private readonly role: 'img' | 'group' = 'img',
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observe();
  }

  /** The frame's box exists from the first render on: follow its size from then. */
  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Follows the size of the frame's own box (the host's, or the part of it the host gives the plot). */
  private observe(): void {
    if (this.observer || !this.host.isConnected) return;
    const box = this.host.renderRoot?.querySelector('.frame');
    if (!box) return;
    this.observer = new ResizeObserver(([entry]) => {
      const rect = entry?.contentRect;
      if (!rect || (rect.width === this.width && rect.height === this.height)) return;
      this.width = rect.width;
      this.height = rect.height;
      this.layoutKey = '';
      this.host.requestUpdate();
    });
    this.observer.observe(box);
  }

  /**
   * The frame's markup: `content` (SVG marks, drawn with the layout's scales,
   * which map to frame coordinates) and `overlay` (HTML above it all).
   */
  render(content: SVGTemplateResult | typeof nothing = nothing, overlay: TemplateResult | typeof nothing = nothing) {
    return html`<div class="frame" part="frame">
      <canvas class="raster" part="raster" aria-hidden="true"></canvas>
      <svg class="chart" part="plot" role=${this.role} aria-label=${this.label()}>
        <clipPath id="plot-area"><rect></rect></clipPath>
        <g class="axis x"></g><g class="axis y"></g><g class="axis y2"></g>
        <text class="axis-label x" text-anchor="middle"></text>
        <text class="axis-label y" text-anchor="middle"></text>
        <text class="axis-label y2" text-anchor="middle"></text>
        <g class="decor"></g>
        <g class="plot" clip-path="url(#plot-area)">${content}</g>
      </svg>
      ${overlay}
    </div>`;
  }

  /** The layout last computed. */
  get layout(): PlotLayout | undefined {
    return this.current;
  }

  /**
   * Lays the frame out for `spec` and draws its axes; returns the scales and
   * the plot rectangle. Does the measuring only when the spec, the size or
   * the font changed.
   */
  draw(spec: FrameSpec): PlotLayout | undefined {
    const svgEl = this.host.renderRoot.querySelector<SVGSVGElement>('svg.chart');
    if (!svgEl || this.width === 0 || this.height === 0) return undefined;
    const fontSize = Number.parseFloat(getComputedStyle(svgEl).fontSize) || 12;
    const key = JSON.stringify([
      spec.x,
      spec.y,
      spec.y2,
      spec.equalUnits,
      spec.decorKey,
      this.width,
      this.height,
      fontSize,
    ]);
    // Same frame, same decorations: nothing to lay out or measure again.
    if (key === this.layoutKey && this.current) return this.current;
    // A first guess from the font size, then exactly what the drawn labels need.
    let margins: Margins = {
      top: fontSize,
      right: fontSize * (spec.y2 ? 4 : 1),
      bottom: fontSize * 3,
      left: fontSize * 4,
    };
    let layout = this.place(spec, margins, svgEl);
    const needed = this.measure(svgEl, layout.plot);
    if (needed) {
      margins = needed;
      layout = this.place(spec, margins, svgEl);
    }
    this.layoutKey = needed ? key : '';
    this.current = layout;
    this.sizeCanvas();
    return layout;
  }

  /** The canvas's 2-D context in CSS px (cleared), or undefined before layout. */
  context(): CanvasRenderingContext2D | undefined {
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.raster');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return undefined;
    const ratio = canvas.width / Math.max(1, this.width);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    return ctx;
  }

  /**
   * Paints a size×size grid of values sampled at both ends of [x0, x1] and
   * [y0, y1] (row 0 at the bottom) into the plot, one smoothed cell per sample.
   */
  blit(
    ctx: CanvasRenderingContext2D,
    values: Float32Array,
    grid: { readonly x: readonly [number, number]; readonly y: readonly [number, number]; readonly size: number },
    ramp: ColorRamp,
    alpha = 1,
  ): void {
    const layout = this.current;
    if (!layout || values.length !== grid.size * grid.size) return;
    // The theme's colours as they are now: the page may have changed them, or gone dark.
    const painted = themedRamp(this.host, ramp);
    const image = new ImageData(grid.size, grid.size);
    for (let j = 0; j < grid.size; j++) {
      for (let i = 0; i < grid.size; i++) {
        const o = ((grid.size - 1 - j) * grid.size + i) * 4;
        painted.write(values[j * grid.size + i] as number, image.data, o);
        image.data[o + 3] = 255;
      }
    }
    const tile = new OffscreenCanvas(grid.size, grid.size);
    tile.getContext('2d')?.putImageData(image, 0, 0);
    const { x, y, plot } = layout;
    // Samples sit on the cell centres: stretch half a cell past the outer ones.
    const sx = (x(grid.x[1]) - x(grid.x[0])) / (grid.size - 1);
    const sy = (y(grid.y[0]) - y(grid.y[1])) / (grid.size - 1);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    ctx.globalAlpha = alpha;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, x(grid.x[0]) - sx / 2, y(grid.y[1]) - sy / 2, sx * grid.size, sy * grid.size);
    ctx.restore();
  }

  /** The data coordinates under a pointer event, or undefined outside the plot. */
  dataAt(event: MouseEvent): [number, number] | undefined {
    const layout = this.current;
    const at = this.localPoint(event);
    if (!layout || !at) return undefined;
    const [px, py] = at;
    const { plot } = layout;
    if (px < plot.left || px > plot.left + plot.width || py < plot.top || py > plot.top + plot.height) return undefined;
    return [layout.x.invert(px), layout.y.invert(py)];
  }

  /**
   * Where a pointer event is in the frame's own CSS pixels. A slide deck
   * scales its slides with a transform, so screen pixels are divided by the
   * frame's on-screen scale.
   */
  localPoint(event: MouseEvent): [number, number] | undefined {
    const svgEl = this.host.renderRoot.querySelector('svg.chart');
    if (!svgEl) return undefined;
    const box = svgEl.getBoundingClientRect();
    const k = this.screenScale(box);
    return [(event.clientX - box.left) / k, (event.clientY - box.top) / k];
  }

  /** On-screen pixels per CSS pixel of the frame (1 unless an ancestor is transformed). */
  private screenScale(box: DOMRect): number {
    return this.width > 0 && box.width > 0 ? box.width / this.width : 1;
  }

  /** Scales and axes for these margins, drawn. */
  private place(spec: FrameSpec, m: Margins, svgEl: SVGSVGElement): PlotLayout {
    let width = Math.max(10, this.width - m.left - m.right);
    let height = Math.max(10, this.height - m.top - m.bottom);
    let left = m.left;
    let top = m.top;
    if (spec.equalUnits) {
      const side = Math.min(width, height);
      left += (width - side) / 2;
      top += (height - side) / 2;
      width = side;
      height = side;
    }
    const plot = { left, top, width, height };
    const layout: PlotLayout = {
      x: scaleFor(spec.x, [left, left + width]),
      y: scaleFor(spec.y, [top + height, top]),
      y2: spec.y2 ? scaleFor(spec.y2, [top + height, top]) : undefined,
      plot,
      width: this.width,
      height: this.height,
    };
    const root = d3.select(svgEl).attr('width', this.width).attr('height', this.height);
    // Marks stay inside the plot: a path that leaves the window stops at its edge.
    // A view's `rect.hit` (what takes its pointer events) covers the plot, whatever its size.
    root
      .selectAll('#plot-area rect, rect.hit')
      .attr('x', left)
      .attr('y', top)
      .attr('width', width)
      .attr('height', height);
    root
      .select<SVGGElement>('.axis.x')
      .attr('transform', `translate(0,${top + height})`)
      .call(axisOf(d3.axisBottom, layout.x, spec.x, width));
    root
      .select<SVGGElement>('.axis.y')
      .attr('transform', `translate(${left},0)`)
      .call(axisOf(d3.axisLeft, layout.y, spec.y, height));
    const y2 = root.select<SVGGElement>('.axis.y2');
    if (layout.y2 && spec.y2)
      y2.attr('transform', `translate(${left + width},0)`).call(axisOf(d3.axisRight, layout.y2, spec.y2, height));
    else y2.selectAll('*').remove();
    this.placeLabels(root, spec, layout);
    this.decorate(spec, layout, svgEl);
    return layout;
  }

  private decorate(spec: FrameSpec, layout: PlotLayout, svgEl: SVGSVGElement): void {
    const decor = d3.select(svgEl).select<SVGGElement>('g.decor');
    if (spec.decorate) spec.decorate(layout, decor);
    else decor.selectAll('*').remove();
  }

  /** Axis titles just outside the tick labels (placed after measuring the axes). */
  private placeLabels(
    root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
    spec: FrameSpec,
    layout: PlotLayout,
  ): void {
    const { plot } = layout;
    const extent = (selector: string) =>
      root.select<SVGGElement>(selector).node()?.getBBox() ?? { width: 0, height: 0 };
    const gap = 4;
    root
      .select('.axis-label.x')
      .text(spec.x.label ?? '')
      .attr('x', plot.left + plot.width / 2)
      .attr('y', plot.top + plot.height + extent('.axis.x').height + gap)
      .attr('dominant-baseline', 'hanging');
    const yAt = plot.left - extent('.axis.y').width - gap;
    root
      .select('.axis-label.y')
      .text(spec.y.label ?? '')
      .attr('transform', `translate(${yAt},${plot.top + plot.height / 2}) rotate(-90)`);
    const y2At = plot.left + plot.width + extent('.axis.y2').width + gap;
    root
      .select('.axis-label.y2')
      .text(spec.y2?.label ?? '')
      .attr('transform', `translate(${y2At},${plot.top + plot.height / 2}) rotate(90)`);
  }

  /** The margins that hold everything drawn outside the plot, or undefined when nothing can be measured. */
  private measure(svgEl: SVGSVGElement, plot: PlotRect): Margins | undefined {
    const frame = svgEl.getBoundingClientRect();
    if (frame.width === 0) return undefined;
    const parts = svgEl.querySelectorAll<SVGGraphicsElement>('.axis text, .axis-label, .decor > *');
    let left = plot.left;
    let top = plot.top;
    let right = plot.left + plot.width;
    let bottom = plot.top + plot.height;
    const k = this.screenScale(frame);
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      left = Math.min(left, (box.left - frame.left) / k);
      top = Math.min(top, (box.top - frame.top) / k);
      right = Math.max(right, (box.right - frame.left) / k);
      bottom = Math.max(bottom, (box.bottom - frame.top) / k);
    }
    return {
      left: plot.left - left + EDGE,
      top: plot.top - top + EDGE,
      right: right - (plot.left + plot.width) + EDGE,
      bottom: bottom - (plot.top + plot.height) + EDGE,
    };
  }

  private sizeCanvas(): void {
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas.raster');
    if (!canvas) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.round(this.width * ratio);
    const h = Math.round(this.height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
  }
}
