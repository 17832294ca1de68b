/**
 * <lp-logistic-derivative-figure z="1">: σ′(z) = σ(z)(1 − σ(z)) under σ(z),
 * the tangent to σ at z (its slope is σ′(z)), and σ′'s maximum, 1/4 at z = 0.
 * A handle on z (drag it, or ←/→ when focused); readouts z, σ(z) and σ′(z).
 *
 * @attr z - where the handle is (−6 … 6, default 0)
 * @fires change - when the handle moved
 */
import type * as d3 from 'd3';
import { customElement } from 'lit/decorators.js';
import { logistic, logisticDerivative } from '../src/model/logistic';
import { formatNumber } from '../src/text/format';
import type { Curve, Readout } from './curve-figure';
import type { PlotLayout } from './plot-frame';
import { ZFigure } from './z-figure';

/** How far along z the tangent reaches either side. */
const TANGENT_HALF = 1.5;

@customElement('lp-logistic-derivative-figure')
export class LpLogisticDerivativeFigure extends ZFigure {
  protected yDomain() {
    return [0, 1] as const;
  }

  protected yLabel(): string {
    return 'σ(z), σ′(z)';
  }

  protected curves(): readonly Curve[] {
    return [
      { f: logistic, kind: 'c0', label: 'σ(z)' },
      { f: logisticDerivative, kind: 'c1', label: 'σ′(z) = σ(z)(1 − σ(z))' },
    ];
  }

  protected readouts(): readonly Readout[] {
    return [
      { label: 'z', name: 'z', value: this.z },
      { label: 'σ(z)', name: 'y', value: logistic(this.z) },
      { label: 'σ′(z)', name: 'dy', value: logisticDerivative(this.z) },
    ];
  }

  protected description(): string {
    return `σ(z) and its derivative σ′(z) = σ(z)(1 − σ(z)), with the tangent at z = ${formatNumber(this.z)}; σ′ is at most 1/4, at z = 0`;
  }

  protected override drawExtras(layout: PlotLayout, g: d3.Selection<SVGGElement, unknown, null, undefined>): void {
    const { x, y } = layout;
    const y0 = logistic(this.z);
    const slope = logisticDerivative(this.z);
    const [a, b] = [this.z - TANGENT_HALF, this.z + TANGENT_HALF];
    g.append('line')
      .attr('class', 'curve c2 tangent')
      .attr('x1', x(a))
      .attr('y1', y(y0 + slope * (a - this.z)))
      .attr('x2', x(b))
      .attr('y2', y(y0 + slope * (b - this.z)));
    g.append('circle').attr('cx', x(0)).attr('cy', y(0.25)).attr('r', 4).attr('class', 'maximum');
    g.append('text')
      .attr('x', x(0) + 8)
      .attr('y', y(0.25) - 6)
      .attr('font-size', '0.85em')
      .text('max ¼ at z = 0');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-logistic-derivative-figure': LpLogisticDerivativeFigure;
  }
}
