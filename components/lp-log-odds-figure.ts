/**
 * <lp-log-odds-figure z="1">: the log-odds log(P(t = 1 | z) / P(t = 0 | z))
 * against z: the straight line it is, since σ's inverse is the log-odds.
 * With z = x·wᵀ, the log-odds are linear in x and in w. A handle on z (drag
 * it, or ←/→ when focused); readouts z, both probabilities and the log-odds,
 * computed from the probabilities.
 *
 * @attr z - where the handle is (−6 … 6, default 0)
 * @fires change - when the handle moved
 */
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { logistic, logOdds } from '../src/model/logistic';
import { formatNumber } from '../src/text/format';
import type { Curve, Readout } from './curve-figure';
import { Z_RANGE, ZFigure } from './z-figure';

@customElement('lp-log-odds-figure')
export class LpLogOddsFigure extends ZFigure {
  protected yDomain() {
    return Z_RANGE;
  }

  protected yLabel(): string {
    return 'log-odds';
  }

  protected curves(): readonly Curve[] {
    // The log-odds of σ(z), computed as such: that it draws the line y = z is the point.
    return [{ f: (z) => logOdds(logistic(z)), kind: 'c0', label: 'log(P(t = 1 | z) / P(t = 0 | z))' }];
  }

  protected readouts(): readonly Readout[] {
    const y = logistic(this.z);
    return [
      { label: 'z', name: 'z', value: this.z },
      { label: 'P(t = 1 | z)', name: 'p1', value: y },
      { label: 'P(t = 0 | z)', name: 'p0', value: 1 - y },
      { label: 'log-odds', name: 'log-odds', value: logOdds(y) },
    ];
  }

  protected description(): string {
    return `The log-odds against z: the line log-odds = z; at z = ${formatNumber(this.z)}`;
  }

  protected override extraContent() {
    return html`<p class="note">With z = x·wᵀ the log-odds are linear in x and in w: the model draws a straight
      boundary where they are 0, and each weight moves them at a constant rate.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-log-odds-figure': LpLogOddsFigure;
  }
}
