/**
 * <lp-model-diagram>: the model drawn as the network it is: x₁ and x₂ (and 1
 * for the bias) feed z = x₁w₁ + x₂w₂ (+ b), which feeds σ, which gives y;
 * inside an <lp-model> with other features, one input per feature φⱼ(x).
 * The edges carry the current weights. With a sample selected, its values
 * flow through: x, z, y, and the target t beside y. Inside an <lp-model> it
 * shows that model's weights and samples (choose one with the buttons);
 * alone, the `weights`, `bias` and `x` attributes say what to show.
 *
 * @attr weights - w as "w1,w2" (alone; default "0,0")
 * @attr b - the bias (alone, with `bias`)
 * @attr bias - draw the bias input
 * @attr x - a sample's input as "x1,x2" to flow through (alone)
 * @attr sample - which sample of the model to flow through (inside an <lp-model>), or -1 for none
 * @csspart plot - the SVG of the network
 * @cssprop --lp-surface - the nodes' fill (default white; dark #1f2329)
 * @cssprop --lp-accent - the weights on the edges (default #0b5394; dark #74b6ef)
 * @cssprop --lp-focus-color - the focus ring of the buttons (default #0072b2; dark #56b4e9)
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Dataset } from '../src/model/dataset';
import { DEFAULT_FEATURES, FEATURE_LABELS, type Feature, featureValue, weightSymbol } from '../src/model/features';
import { logistic } from '../src/model/logistic';
import { logit, type Params } from '../src/model/regression';
import { formatNumber } from '../src/text/format';
import { quote } from '../src/text/quote';
import { consumeModel } from './model-context';
import { numberAttribute } from './number-attribute';
import { themeStyles } from './theme';

/** "a,b" as two numbers, read as every number attribute is (see number-attribute.ts). */
function pair(text: string | null): [number, number] | undefined {
  const parts = (text ?? '').split(',').map((p) => numberAttribute.fromAttribute?.(p) ?? Number.NaN);
  return parts.length === 2 && parts.every(Number.isFinite) ? [parts[0] as number, parts[1] as number] : undefined;
}

@customElement('lp-model-diagram')
export class LpModelDiagram extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      svg { width: 100%; height: auto; display: block; font-family: inherit; }
      .node { fill: var(--_lp-surface); stroke: var(--_lp-text); stroke-width: 2; }
      .edge { stroke: var(--_lp-muted); stroke-width: 2; marker-end: url(#arrowhead); }
      marker path { fill: var(--_lp-muted); }
      .weight { font-size: 15px; fill: var(--_lp-accent); font-weight: 600; }
      .label { font-size: 18px; text-anchor: middle; dominant-baseline: middle; fill: currentColor; }
      .value { font-size: 14px; fill: var(--_lp-series-b-text); text-anchor: middle; font-family: var(--_lp-mono); }
      .controls { display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap; font-size: 0.9em; margin-top: 0.3em; }
      button { font: inherit; padding: 0.15em 0.6em; cursor: pointer; }
      .correction { margin: 0.2em 0 0; font-size: 0.85em; color: var(--_lp-error-text); }
      button:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
    `,
  ];

  /** w as "w1,w2", used alone (inside an <lp-model>, its weights). */
  @property() weights = '0,0';
  /** Whether the model has a bias input. */
  @property({ type: Boolean }) bias = false;
  /** The bias, used alone with `bias`. */
  @property({ converter: numberAttribute }) b = 0;
  /** A sample's input "x1,x2" to flow through, used alone. */
  @property() x: string | null = null;
  /** The model's sample to flow through (inside an <lp-model>); −1 for none. */
  @property({ type: Number }) sample = -1;

  @state() private modelParams: Params | undefined;
  @state() private features: readonly Feature[] = DEFAULT_FEATURES;
  @state() private modelData: Dataset | undefined;

  constructor() {
    super();
    // Inside an <lp-model>, its weights, its bias and its samples.
    consumeModel(this, (m) => {
      this.bias = m.settings.training.bias;
      this.features = m.settings.training.features;
      this.modelParams = m.published?.run.evaluation.params;
      this.modelData = m.published?.run.data;
    });
  }

  override render() {
    // Alone, the diagram is the tutorial's model: two inputs, w from the attribute.
    const features = this.modelParams ? this.features : DEFAULT_FEATURES;
    const w = this.modelParams?.w ?? pair(this.weights) ?? [0, 0];
    const b = this.bias ? (this.modelParams?.b ?? (Number.isFinite(this.b) ? this.b : 0)) : 0;
    const sample = this.selected();
    const z = sample ? logit({ w, b }, features, sample.x1, sample.x2) : undefined;
    const y = z === undefined ? undefined : logistic(z);
    const f = (v: number) => formatNumber(v);
    const inputs = [
      ...features.map((feature, j) => ({
        label: FEATURE_LABELS[feature],
        y: 60 + 100 * j,
        weight: weightSymbol(j),
        weightName: `w${j + 1}`,
        weightValue: w[j] ?? 0,
        value: sample ? featureValue(feature, sample.x1, sample.x2) : undefined,
        // The tutorial's inputs keep their readout names (x1, x2); other features are named by their slot.
        name: j < 2 && feature === DEFAULT_FEATURES[j] ? feature : `phi${j + 1}`,
      })),
      ...(this.bias
        ? [
            {
              label: '1',
              y: 60 + 100 * features.length - 10,
              weight: 'b',
              weightName: 'b',
              weightValue: b,
              value: undefined,
              name: 'one',
            },
          ]
        : []),
    ];
    // What a screen reader hears: the picture's structure and every number on it.
    const flow = sample
      ? `; the sample x = (${f(sample.x1)}, ${f(sample.x2)}) gives z = ${f(z ?? 0)} and y = ${f(y ?? 0)}`
      : '';
    const names = features.map((feature) => FEATURE_LABELS[feature]);
    const label = `The model as a network: ${names.slice(0, -1).join(', ')} and ${names.at(-1)}${this.bias ? ' and 1' : ''} feed z, z feeds σ, σ gives y; ${inputs
      .map((i) => `${i.weight} = ${f(i.weightValue)}`)
      .join(', ')}${flow}`;
    // Two inputs (and the bias) as the tutorial draws them; each further feature adds a row.
    const rows = features.length - 2;
    const height = (this.bias ? 300 : 220) + 100 * rows;
    const mid = (this.bias ? 150 : 110) + 50 * rows;
    return html`<svg part="plot" viewBox="0 0 640 ${height}" role="img" aria-label=${label}>
        <defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#555"></path></marker></defs>
        ${inputs.map(
          (i) => svg`
          <line class="edge" x1="70" y1=${i.y} x2="262" y2=${mid + (i.y - mid) * 0.25}></line>
          <text class="weight" x="120" y=${i.y + (mid - i.y) * 0.3 - 10}>${i.weight} = <tspan data-readout=${i.weightName}>${f(i.weightValue)}</tspan></text>
          <circle class="node" cx="40" cy=${i.y} r="30"></circle>
          <text class="label" x="40" y=${i.y}>${i.label}</text>
          ${i.value !== undefined ? svg`<text class="value" x="40" y=${i.y + 46} data-readout=${i.name}>${f(i.value)}</text>` : nothing}`,
        )}
        <circle class="node" cx="300" cy=${mid} r="38"></circle>
        <text class="label" x="300" y=${mid}>z = Σ</text>
        ${z !== undefined ? svg`<text class="value" x="300" y=${mid + 58}><tspan>z = </tspan><tspan data-readout="z">${f(z)}</tspan></text>` : nothing}
        <line class="edge" x1="338" y1=${mid} x2="432" y2=${mid}></line>
        <rect class="node" x="432" y=${mid - 32} width="64" height="64" rx="8"></rect>
        <text class="label" x="464" y=${mid}>σ</text>
        <line class="edge" x1="496" y1=${mid} x2="566" y2=${mid}></line>
        <text class="label" x="596" y=${mid}>y</text>
        ${y !== undefined ? svg`<text class="value" x="596" y=${mid + 34} data-readout="y">${f(y)}</text>` : nothing}
        ${sample?.t !== undefined ? svg`<text class="value" x="596" y=${mid + 56}><tspan>t = </tspan><tspan data-readout="t">${sample.t}</tspan></text>` : nothing}
      </svg>
      ${this.modelData ? this.sampleControls(this.modelData) : nothing}
      ${this.problems().map((p) => html`<p class="correction" role="status">${p}</p>`)}`;
  }

  private sampleControls(data: Dataset) {
    const n = data.targets.length;
    const move = (delta: number) => {
      this.sample = this.sample < 0 ? 0 : (this.sample + delta + n) % n;
    };
    return html`<div class="controls">
      <button type="button" @click=${() => move(-1)} aria-label="Previous sample">◀</button>
      <button type="button" @click=${() => move(1)} aria-label="Next sample">▶</button>
      <span role="status">${this.sample >= 0 ? `sample ${this.sample + 1} of ${n}` : 'no sample chosen'}</span>
      ${this.sample >= 0 ? html`<button type="button" @click=${() => (this.sample = -1)}>Clear</button>` : nothing}
    </div>`;
  }

  /** Attributes that could not be read, said in words (the picture shows what is used instead). */
  private problems(): string[] {
    const problems: string[] = [];
    if (!this.modelParams && pair(this.weights) === undefined) {
      problems.push(`weights=${quote(this.weights)} is not two numbers "w1,w2"; showing w = (0, 0).`);
    }
    if (this.x !== null && pair(this.x) === undefined)
      problems.push(`x=${quote(this.x)} is not two numbers "x1,x2"; no sample flows through.`);
    if (this.bias && !this.modelParams && !Number.isFinite(this.b)) problems.push('b must be a number; showing b = 0.');
    return problems;
  }

  /** The sample flowing through: the model's chosen one, or the `x` attribute's. */
  private selected(): { x1: number; x2: number; t?: number } | undefined {
    const data = this.modelData;
    if (data && this.sample >= 0 && this.sample < data.targets.length) {
      return {
        x1: data.points[2 * this.sample]!,
        x2: data.points[2 * this.sample + 1]!,
        t: data.targets[this.sample]!,
      };
    }
    const x = pair(this.x);
    return x ? { x1: x[0], x2: x[1] } : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-model-diagram': LpModelDiagram;
  }
}
