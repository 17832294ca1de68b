/**
 * <lp-logistic-figure z="0.5">: the logistic function y = σ(z) on
 * z ∈ [−6, 6], with a handle on z (drag it, or ←/→ when focused), the
 * readouts z, y = σ(z), P(t = 1 | z) = y and P(t = 0 | z) = 1 − y, and the two
 * probabilities as bars that always fill one whole.
 *
 * @attr z - where the handle is (−6 … 6, default 0)
 * @fires change - when the handle moved
 * @cssprop --lp-class0-color - the P(t = 0 | z) bar (default #D55E00)
 * @cssprop --lp-class1-color - the P(t = 1 | z) bar (default #0072B2; dark #56B4E9)
 */
import { type CSSResultGroup, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { logistic } from '../src/model/logistic';
import { formatNumber } from '../src/text/format';
import { type Curve, CurveFigure, type Readout } from './curve-figure';
import { ZFigure } from './z-figure';

@customElement('lp-logistic-figure')
export class LpLogisticFigure extends ZFigure {
  static override styles: CSSResultGroup = [
    CurveFigure.styles,
    css`
      .bars { display: flex; height: 1.6em; border: 1px solid var(--_lp-muted); border-radius: 3px; overflow: hidden; font-size: 0.85em; }
      .bars span { display: flex; align-items: center; justify-content: center; white-space: nowrap; overflow: hidden; }
      .one { background: var(--_lp-class1); color: var(--_lp-on-class1); }
      /* Dark text on the lighter class colour: white on it would be under 4.5:1. */
      .bars .zero { background: var(--_lp-class0); color: var(--_lp-on-class0); }
    `,
  ];

  protected yDomain() {
    return [0, 1] as const;
  }

  protected yLabel(): string {
    return 'y = σ(z)';
  }

  protected curves(): readonly Curve[] {
    return [{ f: logistic, kind: 'c0', label: 'σ(z) = 1 / (1 + e^(−z))' }];
  }

  protected readouts(): readonly Readout[] {
    const y = logistic(this.z);
    return [
      { label: 'z', name: 'z', value: this.z },
      { label: 'y = σ(z)', name: 'y', value: y },
      { label: 'P(t = 1 | z)', name: 'p1', value: y },
      { label: 'P(t = 0 | z)', name: 'p0', value: 1 - y },
    ];
  }

  protected description(): string {
    return `The logistic function σ(z), at z = ${formatNumber(this.z)}: y = ${formatNumber(logistic(this.z))}`;
  }

  protected override extraContent() {
    const y = logistic(this.z);
    return html`<div class="bars" role="img" aria-label="P(t = 1 | z) and P(t = 0 | z) make one whole">
      <span class="one" style="width:${y * 100}%">${y > 0.15 ? `t = 1: ${formatNumber(y)}` : ''}</span>
      <span class="zero" style="width:${(1 - y) * 100}%">${y < 0.85 ? `t = 0: ${formatNumber(1 - y)}` : ''}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-logistic-figure': LpLogisticFigure;
  }
}
