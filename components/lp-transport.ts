/** The buttons that drive training. They only ask; the playground decides. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** Asks for `count` gradient-descent steps. */
export type StepEvent = CustomEvent<{ count: number }>;

@customElement('lp-transport')
export class LpTransport extends LitElement {
  static override styles = css`
    :host { display: flex; gap: 0.5em; flex-wrap: wrap; }
    button { font: inherit; padding: 0.35em 0.9em; min-height: 2.2em; cursor: pointer; }
    button:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
  `;

  /** Disables the buttons while the playground cannot act (loading, say). */
  @property({ type: Boolean }) disabled = false;

  override render() {
    return html`<button type="button" data-action="step" ?disabled=${this.disabled} @click=${() => this.requestSteps(1)}>
      Step
    </button>`;
  }

  private requestSteps(count: number): void {
    this.dispatchEvent(new CustomEvent('lp-step', { detail: { count }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-transport': LpTransport;
  }
  interface GlobalEventHandlersEventMap {
    'lp-step': StepEvent;
  }
}
