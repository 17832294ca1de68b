/**
 * What the first chapter's figures share: curves of one variable (z, or y)
 * drawn on the plot frame, a handle that sets the variable (dragged with a
 * pointer, or moved with the arrow keys when focused by the keyboard: ←/→ by
 * 0.1, with Shift by 1, Home and End to the ends; Page Up/Down stay the
 * page's, for a presenter's clicker), and readouts as text beneath, four
 * decimals each, which tests and screen readers read. A subclass says which
 * variable, which curves, what extra marks and which readouts; it announces
 * a new value with a `change` event.
 *
 * @fires change - the handle moved (read the new value from the element)
 * @csspart frame - the plot's box
 * @csspart raster - the canvas under the SVG (empty here)
 * @csspart plot - the SVG: axes, curves, the handle
 * @csspart legend - the curves' names under the plot
 * @csspart readouts - the numbers under the legend
 * @cssprop --lp-plot-aspect - the plot's width / height (default 1.6)
 * @cssprop --lp-plot-font-size - the ticks' and labels' text (default 0.85em)
 * @cssprop --lp-highlight-color - the handle (default #e69f00)
 * @cssprop --lp-focus-color - the handle's ring when focused (default #0072b2; dark #56b4e9)
 * @cssprop --lp-control-border-color - the dashed guide at the handle (default #777; dark #8b949e)
 */
import * as d3 from 'd3';
import { type CSSResultGroup, css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { formatNumber } from '../src/text/format';
import { frameStyles, PlotFrame, type PlotLayout } from './plot-frame';

export interface Curve {
  readonly f: (x: number) => number;
  /** A CSS class, for its colour and dash. */
  readonly kind: string;
  /** What the legend calls it. */
  readonly label: string;
}

export interface Readout {
  readonly label: string;
  /** The `data-readout` name tests address it by. */
  readonly name: string;
  readonly value: number;
}

const SAMPLES = 241;

export abstract class CurveFigure extends LitElement {
  static override styles: CSSResultGroup = [
    frameStyles,
    css`
      :host { display: flex; flex-direction: column; gap: 0.3em; aspect-ratio: auto; }
      .plot-box { position: relative; aspect-ratio: var(--lp-plot-aspect, 1.6); }
      .curve { fill: none; stroke-width: 2.5; }
      .c0 { stroke: var(--_lp-series-a); }
      .c1 { stroke: var(--_lp-series-b); stroke-dasharray: 7 4; }
      .c2 { stroke: var(--_lp-series-c); stroke-dasharray: 2 3; }
      .guide { stroke: var(--_lp-control-border); stroke-dasharray: 3 3; }
      .maximum { fill: var(--_lp-series-b); }
      .handle { cursor: ew-resize; outline: none; }
      .handle circle { fill: var(--_lp-highlight); stroke: var(--_lp-text); stroke-width: 1.5; }
      .handle:focus-visible circle { stroke: var(--_lp-focus); stroke-width: 4; }
      .hit { cursor: ew-resize; }
      .legend { display: flex; flex-wrap: wrap; gap: 0.2em 1em; font-size: 0.85em; margin: 0; padding: 0; list-style: none; }
      .legend svg { width: 1.6em; height: 0.8em; vertical-align: middle; overflow: visible; }
      dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 0.1em 1em; margin: 0; font-variant-numeric: tabular-nums; }
      dl div { display: flex; justify-content: space-between; gap: 0.6em; }
      dt { color: var(--_lp-muted); }
      dd { margin: 0; font-family: var(--_lp-mono); }
      .note { margin: 0; font-size: 0.85em; color: var(--_lp-muted); }
      .correction { margin: 0; font-size: 0.85em; color: var(--_lp-error-text); }
    `,
  ];

  protected readonly frame = new PlotFrame(this, () => this.description(), 'group');
  private dragging = false;
  /** Why the variable shown is not the one set (not a number, or out of range); empty when it is. */
  @state() private correction = '';
  /** The value put in place of a bad one: a later, different value clears the message. */
  private corrected: number | undefined;

  /** The variable the handle sets: its name (z, y), range, value and keyboard step. */
  protected abstract variable(): { name: string; domain: readonly [number, number]; value: number; step: number };
  protected abstract setVariable(value: number): void;
  protected abstract yDomain(): readonly [number, number];
  protected abstract yLabel(): string;
  protected abstract curves(): readonly Curve[];
  /** The curve the handle rides on. */
  protected handleCurve(): Curve | undefined {
    return this.curves()[0];
  }
  protected abstract readouts(): readonly Readout[];
  /** What a screen reader hears for the whole figure. */
  protected abstract description(): string;
  /** Marks beyond the curves (a tangent, a maximum), drawn into `g` in the layout's coordinates. */
  protected drawExtras(_layout: PlotLayout, _g: d3.Selection<SVGGElement, unknown, null, undefined>): void {}
  /** HTML beneath the readouts (a note, bars). */
  protected extraContent(): TemplateResult | typeof nothing {
    return nothing;
  }

  /**
   * A value that is not a number or lies outside the range is replaced before
   * anything is drawn (a NaN would reach the SVG), and the figure says so.
   */
  protected override willUpdate(): void {
    const v = this.variable();
    const [lo, hi] = v.domain;
    if (Number.isFinite(v.value) && v.value >= lo && v.value <= hi) {
      if (v.value !== this.corrected) this.correction = '';
      return;
    }
    const range = `${formatNumber(lo, 3)} … ${formatNumber(hi, 3)}`;
    const shown = Number.isFinite(v.value) ? Math.min(hi, Math.max(lo, v.value)) : (lo + hi) / 2;
    this.correction = Number.isFinite(v.value)
      ? `${v.name} = ${formatNumber(v.value)} is outside ${range}; showing ${v.name} = ${formatNumber(shown)}.`
      : `${v.name} must be a number in ${range}; showing ${v.name} = ${formatNumber(shown)}.`;
    this.corrected = shown;
    this.setVariable(shown);
  }

  override render() {
    const v = this.variable();
    const [lo, hi] = v.domain;
    const content = svg`
      <rect class="hit" fill="transparent"></rect>
      <line class="guide"></line>
      <g class="curves"></g>
      <g class="extras"></g>
      <g class="handle" tabindex="0" role="slider" aria-label=${v.name} aria-valuemin=${lo} aria-valuemax=${hi}
        aria-valuenow=${v.value} aria-valuetext="${v.name} = ${formatNumber(v.value)}" @keydown=${this.onKey}>
        <circle r="9"></circle>
      </g>`;
    return html`<div class="plot-box" @pointerdown=${this.onPointerDown} @mousedown=${this.keepFocus} @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp} @pointercancel=${this.onPointerUp}>${this.frame.render(content)}</div>
      <ul class="legend" part="legend" aria-hidden="true">
        ${this.curves().map(
          (c) =>
            html`<li><svg viewBox="0 -4 16 8"><line x1="0" x2="16" class="curve ${c.kind}"></line></svg> ${c.label}</li>`,
        )}
      </ul>
      <dl part="readouts" aria-live="polite" aria-label="Readouts for ${v.name} = ${formatNumber(v.value)}">
        ${this.readouts().map((r) => html`<div><dt>${r.label}</dt><dd data-readout=${r.name}>${formatNumber(r.value)}</dd></div>`)}
      </dl>
      ${this.extraContent()}
      ${this.correction ? html`<p class="correction" role="status">${this.correction}</p>` : nothing}`;
  }

  protected override updated(): void {
    const v = this.variable();
    const layout = this.frame.draw({
      x: { domain: v.domain, label: v.name },
      y: { domain: this.yDomain(), label: this.yLabel() },
    });
    if (layout) this.drawMarks(layout);
  }

  /** The curves, the guide at the variable, the handle on its curve, and the subclass's extras. */
  private drawMarks(layout: PlotLayout): void {
    const root = d3.select(this.renderRoot.querySelector('svg.chart') as SVGSVGElement);
    const { x, y, plot } = layout;
    const v = this.variable();
    const [lo, hi] = v.domain;
    const xs = d3.range(SAMPLES).map((k) => lo + ((hi - lo) * k) / (SAMPLES - 1));
    const [ylo, yhi] = this.yDomain();
    // Curves that leave the window (−log y near 0) are cut at its edge.
    const clampY = (value: number) => Math.min(yhi + (yhi - ylo), Math.max(ylo - (yhi - ylo), value));
    const path = (f: (x: number) => number) =>
      d3
        .line<number>()
        .defined((t) => Number.isFinite(f(t)))
        .x((t) => x(t))
        .y((t) => y(clampY(f(t))))(xs) ?? '';
    root
      .select('g.curves')
      .selectAll('path')
      .data(this.curves())
      .join('path')
      .attr('class', (c) => `curve ${c.kind}`)
      .attr('d', (c) => path(c.f));
    const hx = x(v.value);
    const on = this.handleCurve();
    const hy = on ? y(clampY(on.f(v.value))) : plot.top + plot.height / 2;
    root
      .select('line.guide')
      .attr('x1', hx)
      .attr('x2', hx)
      .attr('y1', plot.top)
      .attr('y2', plot.top + plot.height);
    root.select('g.handle circle').attr('cx', hx).attr('cy', hy);
    const extras = root.select<SVGGElement>('g.extras');
    extras.selectAll('*').remove();
    this.drawExtras(layout, extras);
  }

  /** Sets the variable, kept inside its range, and says so. */
  protected moveTo(value: number): void {
    const [lo, hi] = this.variable().domain;
    const next = Math.min(hi, Math.max(lo, Number(value.toFixed(6))));
    this.setVariable(next);
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onKey = (event: KeyboardEvent): void => {
    const v = this.variable();
    const step = event.shiftKey ? 10 * v.step : v.step;
    const moves: Record<string, () => number> = {
      ArrowRight: () => v.value + step,
      ArrowUp: () => v.value + step,
      ArrowLeft: () => v.value - step,
      ArrowDown: () => v.value - step,
      Home: () => v.domain[0],
      End: () => v.domain[1],
    };
    const move = moves[event.key];
    if (!move) return;
    // The keys are the handle's: a slide deck around it must not turn the page.
    event.preventDefault();
    event.stopPropagation();
    this.moveTo(move());
  };

  private onPointerDown = (event: PointerEvent): void => {
    const at = this.frame.dataAt(event);
    if (!at) return;
    // A drag does not take focus (see keepFocus): the keys stay with the page, a presenter's clicker; Tab reaches the handle.
    this.dragging = true;
    (event.target as Element).setPointerCapture?.(event.pointerId);
    this.moveTo(at[0]);
  };

  /** A press on the plot leaves focus where it was (the mouse's default would put it on the handle). */
  private keepFocus = (event: MouseEvent): void => {
    event.preventDefault();
  };

  private onPointerMove = (event: PointerEvent): void => {
    if (!this.dragging) return;
    const layout = this.frame.layout;
    if (!layout) return;
    const at = this.frame.localPoint(event);
    if (at) this.moveTo(layout.x.invert(at[0]));
  };

  private onPointerUp = (): void => {
    this.dragging = false;
  };
}
