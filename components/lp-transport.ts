/**
 * Play/pause, step, step ×10 and reset. The buttons only ask; the model
 * decides.
 *
 * @fires lp-play - Play or Pause was pressed: { playing } (what is asked for)
 * @fires lp-step - Step or Step ×10 was pressed: { count }
 * @fires lp-reset - Reset was pressed
 * @csspart button - each of the four buttons
 * @csspart play-button - Play / Pause
 * @cssprop --lp-accent - Play's background (default #0b5394; dark #74b6ef)
 * @cssprop --lp-on-accent-color - Play's text (default white; dark #0d1117)
 * @cssprop --lp-surface - the other buttons' background (default white; dark #1f2329)
 * @cssprop --lp-control-border-color - the buttons' border (default #777; dark #8b949e)
 * @cssprop --lp-highlight-color - the focus ring, which must stand out from Play's blue (default #e69f00)
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlEvent } from './events';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-transport')
export class LpTransport extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: flex; gap: 0.5em; flex-wrap: wrap; align-items: center; }
      button { font: inherit; padding: 0.3em 0.8em; min-height: 2.2em; cursor: pointer; border-radius: 6px;
        border: 1px solid var(--_lp-control-border); background: var(--_lp-surface); color: inherit; }
      button.primary { background: var(--_lp-accent); color: var(--_lp-on-accent); border-color: var(--_lp-accent); min-width: 5.5em; }
      button:disabled { opacity: 0.5; cursor: default; }
      /* Not the focus colour: a blue ring would vanish against the blue Play button. */
      button:focus-visible { outline: 3px solid var(--_lp-highlight); outline-offset: 2px; }
    `,
  ];

  /** Whether the model plays: the first button then reads Pause. */
  @property({ type: Boolean }) playing = false;
  /** Disables the buttons while the playground cannot act (loading, say). */
  @property({ type: Boolean }) disabled = false;

  constructor() {
    super();
    // Inside an <lp-model>, whether it plays, and disabled until it has started.
    consumeModel(this, (m) => {
      this.playing = m.playing;
      this.disabled = m.published === undefined;
    });
  }

  override render() {
    return html`
      <button type="button" class="primary" part="button play-button" data-action="play" aria-pressed=${this.playing ? 'true' : 'false'} ?disabled=${this.disabled}
        @click=${() => this.dispatchEvent(controlEvent('lp-play', { playing: !this.playing }))}>
        ${this.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" part="button" data-action="step" ?disabled=${this.disabled} @click=${() => this.steps(1)}>Step</button>
      <button type="button" part="button" data-action="step10" ?disabled=${this.disabled} @click=${() => this.steps(10)} aria-label="Step ×10">Step ×10</button>
      <button type="button" part="button" data-action="reset" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(controlEvent('lp-reset', null))}>Reset</button>
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
