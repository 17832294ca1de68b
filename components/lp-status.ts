/**
 * <lp-status>: the last thing the model did, in a sentence (a polite live
 * region; empty while an error shows), or a note the page hands it for a
 * while (a link copied), which is the last thing done then. The sentence is
 * shown whole: it wraps onto a second line rather than being cut, so give
 * it the room.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-status')
export class LpStatus extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; min-width: 0; }
      p { margin: 0; line-height: 1.2; overflow-wrap: anywhere; }
    `,
  ];

  /** A note shown instead of the model's sentence while it is set (see TransientNote). */
  @property() note = '';
  @state() private text = '';

  constructor() {
    super();
    consumeModel(this, (m) => {
      this.text = m.error ? '' : (m.published?.status ?? '');
    });
  }

  override render() {
    return html`<p class="status" role="status" aria-live="polite">${this.note || this.text}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-status': LpStatus;
  }
}
