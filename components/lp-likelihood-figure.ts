/**
 * <lp-likelihood-figure w="1">: a handful of samples on a line, each with its
 * target t, and one weight w. For each sample, P(t_i | z_i) with z_i = w·x_i
 * is a bar; the likelihood L(w) is their product and log L(w) the sum of
 * their logs, written out with the current numbers. The plot shows −log L(w)
 * against w, with a handle on w (drag it, or ←/→ when focused): the w that
 * makes the bars tallest together is the w at the bottom of −log L, so
 * maximising the likelihood is minimising the cost.
 *
 * @attr w - the weight (−2 … 6, default 0)
 * @prop samples - the samples on the line, `{ x, t }[]` (default: six that overlap a little)
 * @fires change - when the handle moved
 * @cssprop --lp-class0-color - the bars of the samples with t = 0 (default #D55E00)
 * @cssprop --lp-class1-color - the bars of the samples with t = 1 (default #0072B2; dark #56B4E9)
 */
import { type CSSResultGroup, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LINE_SAMPLES, type LineSample, likelihoodOf } from '../src/model/likelihood';
import { formatNumber } from '../src/text/format';
import { type Curve, CurveFigure, type Readout } from './curve-figure';
import { numberAttribute } from './number-attribute';

const W_RANGE = [-2, 6] as const;

function validLine(samples: unknown): samples is readonly LineSample[] {
  return (
    Array.isArray(samples) &&
    samples.length > 0 &&
    samples.every((s: { x?: unknown; t?: unknown }) => Number.isFinite(s?.x) && (s?.t === 0 || s?.t === 1))
  );
}

@customElement('lp-likelihood-figure')
export class LpLikelihoodFigure extends CurveFigure {
  static override styles: CSSResultGroup = [
    CurveFigure.styles,
    css`
      .bars { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 0.4em; align-items: end; height: 5.5em; }
      .bar { display: flex; flex-direction: column; justify-content: flex-end; height: 100%; font-size: 0.8em; text-align: center; }
      .fill { border-radius: 2px 2px 0 0; min-height: 1px; }
      .t0 { background: var(--_lp-class0); }
      .t1 { background: var(--_lp-class1); }
      .sums { margin: 0.2em 0 0; font-size: 0.85em; font-family: var(--_lp-mono); overflow-wrap: anywhere; }
    `,
  ];

  /** The weight, on w ∈ [−2, 6]. */
  @property({ converter: numberAttribute }) w = 0;
  /** The samples on the line; set as a property (an array of { x, t }). */
  @property({ attribute: false }) samples: readonly LineSample[] = LINE_SAMPLES;

  /** The samples drawn: `samples` when it is a list of { x: a number, t: 0 or 1 }, else the default six. */
  private line(): readonly LineSample[] {
    return validLine(this.samples) ? this.samples : LINE_SAMPLES;
  }

  protected variable() {
    return { name: 'w', domain: W_RANGE, value: this.w, step: 0.1 };
  }

  protected setVariable(value: number): void {
    this.w = value;
  }

  protected yDomain() {
    return [0, 10] as const;
  }

  protected yLabel(): string {
    return '−log L(w)';
  }

  protected curves(): readonly Curve[] {
    return [
      { f: (w) => -likelihoodOf(this.line(), w).logLikelihood, kind: 'c0', label: '−log L(w) = Σ ξ(t_i, σ(w·x_i))' },
    ];
  }

  protected readouts(): readonly Readout[] {
    const l = likelihoodOf(this.line(), this.w);
    return [
      { label: 'w', name: 'w', value: this.w },
      { label: 'L(w)', name: 'likelihood', value: l.likelihood },
      { label: 'log L(w)', name: 'log-likelihood', value: l.logLikelihood },
      { label: '−log L(w)', name: 'cost', value: -l.logLikelihood },
    ];
  }

  protected description(): string {
    return `The likelihood of w = ${formatNumber(this.w)} on ${this.line().length} samples, and −log L(w) against w`;
  }

  protected override extraContent() {
    const l = likelihoodOf(this.line(), this.w);
    const f = (v: number) => formatNumber(v, 2);
    return html`<div class="bars" role="list" aria-label="P(t_i | z_i) for each sample">
        ${this.line().map(
          (s, i) => html`<div class="bar" role="listitem">
            <span data-probability=${l.probabilities[i] ?? 0}>${formatNumber(l.probabilities[i] ?? 0, 2)}</span>
            <div class="fill t${s.t}" style="height:${(l.probabilities[i] ?? 0) * 70}%"></div>
            <span>x = ${formatNumber(s.x, 1)}, t = ${s.t}</span>
          </div>`,
        )}
      </div>
      <p class="sums">L(w) = ${l.probabilities.map(f).join(' × ')} = ${formatNumber(l.likelihood)}</p>
      <p class="sums">log L(w) = ${l.probabilities.map((p) => f(Math.log(p))).join(' + ')} = ${formatNumber(l.logLikelihood)}</p>
      ${validLine(this.samples) ? nothing : html`<p class="correction" role="status">samples must be a non-empty list of { x: a number, t: 0 or 1 }; showing the default six.</p>`}
      <p class="note">The largest L(w) is at the same w as the smallest −log L(w): training maximises the first by minimising
        the second, the cross-entropy, whose sum of logs is easier to differentiate than a product.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-likelihood-figure': LpLikelihoodFigure;
  }
}
