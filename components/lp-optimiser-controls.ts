/**
 * The optimiser's knobs: its rule (gradient descent, momentum, Nesterov,
 * Adam or Newton) with its constants (β; Adam's β₁, β₂, ε), the learning
 * rate (a logarithmic slider over the span the settings table gives it,
 * beside a number field; Newton's damping), full batch or mini-batches, and
 * how fast Play goes. All apply to the running training without a reset:
 * another rule goes on from the weights reached, its state at zero.
 *
 * @fires lp-settings - a setting changed: { training: { optimizer } }, { training: { momentum } } (or beta1, beta2, epsilon), { training: { learningRate } }, { training: { batchSize } } or { speed }
 * @csspart fieldset - the panel
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { OPTIMIZERS, type Optimizer } from '../src/model/optimizers';
import type { Racer } from '../src/model/race';
import {
  DEFAULT_PLAYGROUND,
  type SettingsChange,
  type Speed,
  type SpeedUnit,
} from '../src/settings/playground-settings';
import { RACE_PRESETS, racePresetOf } from '../src/settings/race-presets';
import type { TrainingSettings } from '../src/settings/settings';
import { FASTEST_SPEED, OPTIMIZER_NAMES, SETTINGS, SPEED_LIMITS } from '../src/settings/settings-schema';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import type { NumberEvent } from './lp-number-field';
import './lp-number-field';
import { consumeModel } from './model-context';
import { closeWhenFocusLeaves, refocusOnClose } from './popup-menu';

/** The η slider's ends as powers of ten (it moves in log10 η), from the settings table's row. */
const SLIDER = {
  min: Math.log10(SETTINGS.learningRate.slider.min),
  max: Math.log10(SETTINGS.learningRate.slider.max),
};
/** The display rate a unit change assumes. */
const FRAMES_PER_SECOND = 60;

/** 10^x rounded to 3 significant digits, so the slider lands on readable rates. */
export function sliderToRate(x: number): number {
  return Number((10 ** x).toPrecision(3));
}

@customElement('lp-optimiser-controls')
export class LpOptimiserControls extends LitElement {
  static override styles = [
    controlStyles,
    // The method's list sits in the legend: the legend's weight is not its options'.
    css`
      /* As low as the legend's text, so that the fieldset's top row is no taller for it. */
      legend select { font-weight: normal; margin-left: 0.3em; min-height: 0; padding-block: 0; }
      select { max-width: 100%; }
      /* The races hang under their button (CSS anchor positioning), turning to stay on screen. */
      #race { anchor-name: --lp-race; border-radius: 4px; border: 1px solid var(--_lp-control-border); background: var(--_lp-surface); color: inherit; }
      #race-menu { position-anchor: --lp-race; inset: auto; top: anchor(bottom); left: anchor(left); margin: 0.25em 0 0;
        position-try-fallbacks: flip-inline, flip-block; padding: 0.3em; border: 1px solid var(--_lp-border); border-radius: 6px;
        background: var(--_lp-surface); color: var(--_lp-text); box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
      #race-menu button { display: flex; width: 100%; border: none; background: none; color: inherit; text-align: left;
        padding: 0.25em 0.6em; font: inherit; white-space: nowrap; }
      #race-menu button:hover { background: var(--_lp-surface-2); }
      #race-menu button[aria-pressed='true'], #race[data-racing] { font-weight: 600; }
      #race[data-racing] { border-color: var(--_lp-accent); }
      #race-menu button[aria-pressed='true']::after { content: ' ✓'; }
    `,
  ];

  /** The rule each step follows. */
  @property() optimizer: Optimizer = DEFAULT_PLAYGROUND.training.optimizer;
  /** β of momentum and Nesterov. */
  @property({ type: Number }) momentum = DEFAULT_PLAYGROUND.training.momentum;
  /** Adam's β₁. */
  @property({ type: Number }) beta1 = DEFAULT_PLAYGROUND.training.beta1;
  /** Adam's β₂. */
  @property({ type: Number }) beta2 = DEFAULT_PLAYGROUND.training.beta2;
  /** Adam's ε. */
  @property({ type: Number }) epsilon = DEFAULT_PLAYGROUND.training.epsilon;
  /** η, the step size (Newton's damping: 1 is its full step). */
  @property({ type: Number }) learningRate = DEFAULT_PLAYGROUND.training.learningRate;
  /** 0 is the full batch. */
  @property({ type: Number }) batchSize = DEFAULT_PLAYGROUND.training.batchSize;
  /** The race, if one is on (racer 1 is the model). */
  @property({ attribute: false }) race: readonly Racer[] = DEFAULT_PLAYGROUND.training.race;
  /** The number of samples: the largest useful batch. */
  @property({ type: Number }) samples = 40;
  @property({ attribute: false }) speed: Speed = DEFAULT_PLAYGROUND.speed;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      const t = m.settings.training;
      this.optimizer = t.optimizer;
      this.momentum = t.momentum;
      this.beta1 = t.beta1;
      this.beta2 = t.beta2;
      this.epsilon = t.epsilon;
      this.learningRate = t.learningRate;
      this.race = t.race;
      this.batchSize = m.settings.training.batchSize;
      this.speed = m.settings.speed;
      this.samples = m.published?.run.data.targets.length ?? this.samples;
    });
  }

  override render() {
    const lr = this.learningRate;
    const position = Math.min(SLIDER.max, Math.max(SLIDER.min, Math.log10(lr)));
    const mini = this.batchSize > 0;
    const eta = SETTINGS.learningRate;
    return html`<fieldset part="fieldset">
      <!-- The method in the legend's own row: the column has no room for a row more in presentation mode. -->
      <legend><label for="optimizer">Optimiser</label>
        <select id="optimizer" .value=${this.optimizer}
          @change=${(e: Event) => this.send({ training: { optimizer: (e.target as HTMLSelectElement).value as Optimizer } })}>
          ${OPTIMIZERS.map((o) => html`<option value=${o} ?selected=${o === this.optimizer}>${OPTIMIZER_NAMES[o]}</option>`)}
        </select></legend>
      ${this.optimizer === 'gd' || this.optimizer === 'newton' ? '' : html`<div class="line">${this.constants()}</div>`}
      <div class="line">
        <label for="lr-slider">${this.optimizer === 'newton' ? 'Damping η' : 'Learning rate η'}</label>
        <input id="lr-slider" type="range" min=${SLIDER.min} max=${SLIDER.max} step="0.01" .value=${String(position)}
          aria-valuetext=${String(lr)}
          @input=${(e: Event) => this.setRate(sliderToRate(Number((e.target as HTMLInputElement).value)))} />
        <!-- Its message beside it, over the slider's end (η too), not over the Batch row below. -->
        <lp-number-field class="narrow" inline message-beside .label=${eta.label} .value=${lr} .min=${eta.range.min} .max=${eta.range.max}
          @lp-number=${(e: NumberEvent) => this.setRate(e.detail.value)}></lp-number-field>
      </div>
      <div class="line">
        <label for="batch-mode">Batch</label>
        <select id="batch-mode" .value=${mini ? 'mini' : 'full'}
          @change=${(e: Event) =>
            this.send({
              training: {
                batchSize: (e.target as HTMLSelectElement).value === 'mini' ? Math.min(32, this.samples) : 0,
              },
            })}>
          <!-- Short, with the Batch label before them: the race button shares the row. -->
          <option value="full">full</option>
          <option value="mini">mini</option>
        </select>

        ${
          mini
            ? // Named "batch size" for screen readers and messages; on screen, the Batch label beside it says it.
              html`<lp-number-field class="narrow" inline hide-label .label=${SETTINGS.batchSize.label} .value=${this.batchSize} .min=${1}
                .max=${Math.max(1, this.samples)} integer
                @lp-number=${(e: NumberEvent) => this.send({ training: { batchSize: e.detail.value } })}></lp-number-field>`
            : ''
        }
        ${this.raceMenu()}
      </div>
      <div class="line">
        ${this.speedField()}
        <select id="speed-unit" aria-label=${this.speed.unit === 'fastest' ? SETTINGS.speed.label : 'speed unit'}
          .value=${this.speed.unit}
          @change=${(e: Event) => this.setUnit((e.target as HTMLSelectElement).value as SpeedUnit)}>
          <option value="per-second">steps / second</option>
          <option value="per-frame">steps / frame</option>
          <option value="fastest">as fast as possible</option>
        </select>
      </div>
    </fieldset>`;
  }

  /**
   * The races that teach (src/settings/race-presets.ts), and none, behind one small button: a list as wide
   * as their names would not share the Batch row in presentation mode. A disclosure of plain buttons, as
   * Export's: Tab walks it, Escape or a choice closes it and gives focus back to the button.
   */
  private raceMenu() {
    const preset = racePresetOf(this.race);
    const racing = this.race.length > 0;
    const choose = (change: SettingsChange) => {
      this.renderRoot.querySelector<HTMLElement>('#race-menu')?.hidePopover();
      this.send(change);
    };
    return html`<button type="button" id="race" popovertarget="race-menu"
        ?data-racing=${racing} aria-label=${racing ? `Race: ${preset?.name ?? 'custom race'}` : 'Race: none'}>Race ▾</button>
      <div id="race-menu" popover role="group" aria-label="Races" @beforetoggle=${this.raceMenuToggled}
        @focusout=${this.raceMenuLeft}>
        <button type="button" aria-pressed=${racing ? 'false' : 'true'} @click=${() => choose({ training: { race: [] } })}>no race</button>
        ${RACE_PRESETS.map(
          (p) => html`<button type="button" data-race=${p.id} aria-pressed=${preset?.id === p.id ? 'true' : 'false'}
            @click=${() => choose(p.change)}>${p.name}</button>`,
        )}
      </div>`;
  }

  private raceMenuLeft = closeWhenFocusLeaves;

  private raceMenuToggled = refocusOnClose(
    () => this.renderRoot as ShadowRoot,
    () => this.renderRoot.querySelector<HTMLElement>('#race'),
  );

  /** The chosen rule's constants, beside it: β for momentum and Nesterov, β₁, β₂ and ε for Adam. */
  private constants() {
    const field = (key: 'momentum' | 'beta1' | 'beta2' | 'epsilon', value: number) => {
      const row = SETTINGS[key];
      return html`<lp-number-field class="narrow" inline .label=${row.label} .value=${value} .min=${row.range.min}
        .max=${row.range.max} @lp-number=${(e: NumberEvent) => this.sendTraining({ [key]: e.detail.value })}></lp-number-field>`;
    };
    switch (this.optimizer) {
      case 'momentum':
      case 'nesterov':
        return field('momentum', this.momentum);
      case 'adam':
        return html`${field('beta1', this.beta1)}${field('beta2', this.beta2)}${field('epsilon', this.epsilon)}`;
      default:
        return '';
    }
  }

  private sendTraining(training: Partial<TrainingSettings>): void {
    this.send({ training });
  }

  private setRate(learningRate: number): void {
    if (learningRate !== this.learningRate) this.send({ training: { learningRate } });
  }

  /** The number of steps in the unit; none as fast as possible, where the select alone says the speed. */
  private speedField() {
    const unit = this.speed.unit;
    if (unit === 'fastest') return '';
    return html`<lp-number-field class="narrow" inline .label=${SETTINGS.speed.label} .value=${this.speed.value}
      .min=${SPEED_LIMITS[unit].min} .max=${SPEED_LIMITS[unit].max} ?integer=${unit === 'per-frame'}
      @lp-number=${(e: NumberEvent) => this.send({ speed: { value: e.detail.value } })}></lp-number-field>`;
  }

  /**
   * A new unit keeps the pace, as near as the new unit's limits allow (at 60 frames a second). As fast as
   * possible has no pace to keep: from there a unit starts at the playground's first pace, in that unit.
   */
  private setUnit(unit: SpeedUnit): void {
    if (unit === this.speed.unit) return;
    if (unit === 'fastest') {
      this.send({ speed: FASTEST_SPEED });
      return;
    }
    const from = this.speed.unit === 'fastest' ? DEFAULT_PLAYGROUND.speed : this.speed;
    const limits = SPEED_LIMITS[unit];
    const converted =
      unit === from.unit
        ? from.value
        : unit === 'per-frame'
          ? Math.round(from.value / FRAMES_PER_SECOND)
          : from.value * FRAMES_PER_SECOND;
    const value = Math.min(limits.max, Math.max(limits.min, converted));
    this.send({ speed: { unit, value } });
  }

  private send(detail: SettingsChange): void {
    this.dispatchEvent(controlEvent('lp-settings', detail));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-optimiser-controls': LpOptimiserControls;
  }
}
