/**
 * Play/pause, step, step ×10 and reset. The buttons only ask; the model
 * decides.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlEvent } from './events';
import { consumeModel } from './model-context';

@customElement('lp-transport')
export class LpTransport extends LitElement {
  static override styles = css`
    :host { display: flex; gap: 0.5em; flex-wrap: wrap; align-items: center; }
    button { font: inherit; padding: 0.3em 0.8em; min-height: 2.2em; cursor: pointer; border-radius: 6px; border: 1px solid #777; background: white; color: inherit; }
    button.primary { background: #0b5394; color: white; border-color: #0b5394; min-width: 5.5em; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
  `;

  @property({ type: Boolean }) playing = false;
  /** Disables the buttons while the playground cannot act (loading, say). */
  @property({ type: Boolean }) disabled = false;

  constructor() {
    super();
    // Inside an <lp-model>, whether it plays, and disabled until it has started.
    consumeModel(this, (m) => {
      this.playing = m.playing;
      this.disabled = m.view === undefined;
    });
  }

  override render() {
    return html`
      <button type="button" class="primary" data-action="play" aria-pressed=${this.playing ? 'true' : 'false'} ?disabled=${this.disabled}
        @click=${() => this.dispatchEvent(controlEvent('lp-play', { playing: !this.playing }))}>
        ${this.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" data-action="step" ?disabled=${this.disabled} @click=${() => this.steps(1)}>Step</button>
      <button type="button" data-action="step10" ?disabled=${this.disabled} @click=${() => this.steps(10)} aria-label="Step ×10">Step ×10</button>
      <button type="button" data-action="reset" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(controlEvent('lp-reset', null))}>Reset</button>
    `;
  }

  private steps(count: number): void {
    this.dispatchEvent(controlEvent('lp-step', { count }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-transport': LpTransport;
  }
}
