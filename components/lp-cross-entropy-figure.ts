/**
 * <lp-cross-entropy-figure y="0.8">: the cross-entropy of one sample,
 * ξ(t, y) = −log(y) when t = 1 and −log(1 − y) when t = 0, on y ∈ (0, 1):
 * no cost for a confident right answer, a cost without bound for a confident
 * wrong one. A handle on y (drag it, or ←/→ when focused); both values read
 * out.
 *
 * @attr y - the predicted P(t = 1), strictly between 0 and 1 (default 0.5)
 * @fires change - when the handle moved
 */
import { customElement, property } from 'lit/decorators.js';
import { crossEntropy } from '../src/model/logistic';
import { formatNumber } from '../src/text/format';
import { type Curve, CurveFigure, type Readout } from './curve-figure';
import { numberAttribute } from './number-attribute';

/** y stays off 0 and 1, where one of the costs is infinite. */
const Y_RANGE = [0.001, 0.999] as const;

@customElement('lp-cross-entropy-figure')
export class LpCrossEntropyFigure extends CurveFigure {
  /** The predicted probability of class 1. */
  @property({ converter: numberAttribute }) y = 0.5;

  protected variable() {
    return { name: 'y', domain: Y_RANGE, value: this.y, step: 0.01 };
  }

  protected setVariable(value: number): void {
    this.y = value;
  }

  protected yDomain() {
    return [0, 5] as const;
  }

  protected yLabel(): string {
    return 'ξ(t, y)';
  }

  protected curves(): readonly Curve[] {
    return [
      { f: (y) => crossEntropy(1, y), kind: 'c0', label: 't = 1: −log(y)' },
      { f: (y) => crossEntropy(0, y), kind: 'c1', label: 't = 0: −log(1 − y)' },
    ];
  }

  protected readouts(): readonly Readout[] {
    return [
      { label: 'y', name: 'y', value: this.y },
      { label: 'ξ(1, y) = −log(y)', name: 'xi1', value: crossEntropy(1, this.y) },
      { label: 'ξ(0, y) = −log(1 − y)', name: 'xi0', value: crossEntropy(0, this.y) },
    ];
  }

  protected description(): string {
    return `The cross-entropy −log(y) for t = 1 and −log(1 − y) for t = 0, at y = ${formatNumber(this.y)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-cross-entropy-figure': LpCrossEntropyFigure;
  }
}
