/**
 * Play/pause, step, step ×10, reset, and the keyboard shortcuts behind a help
 * popover. The buttons only ask; the playground decides.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlEvent } from './events';

export const SHORTCUTS: ReadonlyArray<readonly [key: string, action: string]> = [
  ['Space', 'play / pause'],
  ['→', 'one step'],
  ['Shift + →', 'ten steps'],
  ['R', 'reset to w(0)'],
  ['P', 'presentation mode'],
  ['?', 'this help'],
];

@customElement('lp-transport')
export class LpTransport extends LitElement {
  static override styles = css`
    :host { display: flex; gap: 0.5em; flex-wrap: wrap; align-items: center; position: relative; }
    button { font: inherit; padding: 0.3em 0.8em; min-height: 2.2em; cursor: pointer; border-radius: 6px; border: 1px solid #777; background: white; color: inherit; }
    button.primary { background: #0b5394; color: white; border-color: #0b5394; min-width: 5.5em; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
    .help { position: absolute; top: 100%; right: 0; z-index: 5; background: white; border: 1px solid #999; border-radius: 6px;
      box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); padding: 0.6em 0.9em; margin-top: 0.3em; min-width: 15em; }
    .help h2 { font-size: 1em; margin: 0 0 0.4em; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2em 0.8em; margin: 0; }
    dt { font-family: var(--lp-mono, ui-monospace, monospace); font-weight: 600; }
    dd { margin: 0; }
  `;

  @property({ type: Boolean }) playing = false;
  /** Disables the buttons while the playground cannot act (loading, say). */
  @property({ type: Boolean }) disabled = false;
  @state() private helpOpen = false;

  override render() {
    return html`
      <button type="button" class="primary" data-action="play" aria-pressed=${this.playing ? 'true' : 'false'} ?disabled=${this.disabled}
        @click=${() => this.dispatchEvent(controlEvent('lp-play', { playing: !this.playing }))}>
        ${this.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" data-action="step" ?disabled=${this.disabled} @click=${() => this.steps(1)}>Step</button>
      <button type="button" data-action="step10" ?disabled=${this.disabled} @click=${() => this.steps(10)} aria-label="Step ×10">Step ×10</button>
      <button type="button" data-action="reset" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(controlEvent('lp-reset', null))}>Reset</button>
      <button type="button" data-action="help" aria-expanded=${this.helpOpen ? 'true' : 'false'} aria-controls="help"
        @click=${() => this.toggleHelp()}>Keys ?</button>
      ${
        this.helpOpen
          ? html`<div class="help" id="help" role="dialog" aria-label="Keyboard shortcuts" @keydown=${(
              e: KeyboardEvent,
            ) => {
              if (e.key === 'Escape') this.toggleHelp(false);
            }}>
              <h2>Keyboard shortcuts</h2>
              <dl>${SHORTCUTS.map(([key, action]) => html`<dt>${key}</dt><dd>${action}</dd>`)}</dl>
            </div>`
          : ''
      }
    `;
  }

  /** Opens or closes the shortcut list (the playground's "?" key calls this too). */
  toggleHelp(open = !this.helpOpen): void {
    this.helpOpen = open;
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
