/**
 * The attributes that say which model to run, shared by <lp-model> (which
 * runs it) and <lp-playground> (which hands them to its <lp-model>): one
 * declaration, one set of names and defaults.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

export abstract class ModelAttributes extends LitElement {
  // Not `dataset`: HTMLElement.dataset is the data-* map.
  /** "tutorial" (the tutorial's 40 points) or "gaussians" (two generated classes). */
  @property({ attribute: 'dataset' }) preset: string | null = null;
  /** η, the gradient-descent step size (default 0.05). */
  @property({ attribute: 'learning-rate' }) learningRate: string | null = null;
  /** w(0) as "w1,w2" (default "-4,-2"). */
  @property({ attribute: 'initial-weights' }) initialWeights: string | null = null;
  /** Train a bias b as well (the tutorial's model has none). */
  @property({ type: Boolean }) bias = false;
  /** "sum" (the tutorial's) or "mean" cost. */
  @property() reduction: string | null = null;
  /** "auto" (GPU when WebGPU is there), "gpu" or "cpu". */
  @property() engine: string | null = null;
  /** Mirror the settings to the page's URL hash and restore them from it. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Handle the keyboard shortcuts anywhere on the page, not only inside the element. */
  @property({ type: Boolean, attribute: 'global-shortcuts' }) globalShortcuts = false;

  /** The attributes' values as text, named as the settings table names them (a boolean that is on reads "1"). */
  protected attributeValues(): Record<string, string | null> {
    return {
      dataset: this.preset,
      'learning-rate': this.learningRate,
      'initial-weights': this.initialWeights,
      bias: this.bias ? '1' : null,
      reduction: this.reduction,
      engine: this.engine,
    };
  }
}
