/** <lp-adapter-note>: what WebGPU offers on this machine, in words, or why there is none. */
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-adapter-note')
export class LpAdapterNote extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; }
      p { margin: 0; }
    `,
  ];

  @state() private text = '';

  constructor() {
    super();
    consumeModel(this, (m) => {
      this.text = m.adapterText;
    });
  }

  override render() {
    return html`<p data-adapter>${this.text}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-adapter-note': LpAdapterNote;
  }
}
