/**
 * The first chapter's figures of z (the logistic function, the log-odds, the
 * derivative, the cross-entropy's gradient): the `z` property and attribute,
 * and the handle that sets it, on z ∈ [−6, 6] in steps of 0.1.
 */
import { property } from 'lit/decorators.js';
import { CurveFigure } from './curve-figure';
import { numberAttribute } from './number-attribute';

/** Wide enough that σ is within 0.0025 of 0 and 1 at the ends. */
export const Z_RANGE = [-6, 6] as const;

export abstract class ZFigure extends CurveFigure {
  /** Where the handle is, on z ∈ [−6, 6]. */
  @property({ converter: numberAttribute }) z = 0;

  protected variable() {
    return { name: 'z', domain: Z_RANGE, value: this.z, step: 0.1 };
  }

  protected setVariable(value: number): void {
    this.z = value;
  }
}
