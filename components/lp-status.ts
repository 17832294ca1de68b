/**
 * <lp-status>: the last thing the model did, in a sentence (a polite live
 * region; empty while an error shows). The sentence is shown whole: it
 * wraps onto a second line rather than being cut, so give it the room.
 */
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
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

  @state() private text = '';

  constructor() {
    super();
    consumeModel(this, (m) => {
      this.text = m.error ? '' : (m.view?.status ?? '');
    });
  }

  override render() {
    return html`<p class="status" role="status" aria-live="polite">${this.text}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-status': LpStatus;
  }
}
