/**
 * <lp-cross-entropy-gradient-figure z="1">: ∂ξ/∂z = y − t against z, for
 * t = 0 (σ(z)) and t = 1 (σ(z) − 1): the cross-entropy and the logistic
 * cancel each other's curvature, so the gradient is the plain error y − t,
 * between −1 and 1, never vanishing while the answer is wrong. A handle on z
 * (drag it, or ←/→ when focused); readouts z, y and both gradients.
 *
 * @attr z - where the handle is (−6 … 6, default 0)
 * @fires change - when the handle moved
 */
import { customElement } from 'lit/decorators.js';
import { logistic } from '../src/model/logistic';
import { formatNumber } from '../src/text/format';
import type { Curve, Readout } from './curve-figure';
import { ZFigure } from './z-figure';

@customElement('lp-cross-entropy-gradient-figure')
export class LpCrossEntropyGradientFigure extends ZFigure {
  protected yDomain() {
    return [-1, 1] as const;
  }

  protected yLabel(): string {
    return '∂ξ/∂z = y − t';
  }

  protected curves(): readonly Curve[] {
    return [
      { f: (z) => logistic(z) - 1, kind: 'c0', label: 't = 1: y − 1' },
      { f: (z) => logistic(z), kind: 'c1', label: 't = 0: y' },
    ];
  }

  protected readouts(): readonly Readout[] {
    const y = logistic(this.z);
    return [
      { label: 'z', name: 'z', value: this.z },
      { label: 'y = σ(z)', name: 'y', value: y },
      { label: '∂ξ/∂z, t = 1', name: 'dz1', value: y - 1 },
      { label: '∂ξ/∂z, t = 0', name: 'dz0', value: y },
    ];
  }

  protected description(): string {
    return `The gradient of the cross-entropy, ∂ξ/∂z = y − t, for t = 0 and t = 1, at z = ${formatNumber(this.z)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-cross-entropy-gradient-figure': LpCrossEntropyGradientFigure;
  }
}
