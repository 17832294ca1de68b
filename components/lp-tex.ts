/**
 * <lp-tex>: a formula typeset with KaTeX, bundled with the page (no request
 * at run time). The TeX is the element's text, or its `tex` attribute;
 * `display` sets it on a line of its own. KaTeX writes MathML beside the
 * typeset HTML, so screen readers read the formula.
 *
 *   <lp-tex>\sigma(z) = \frac{1}{1 + e^{-z}}</lp-tex>
 *
 * @attr tex - the TeX source (else the element's text)
 * @attr display - display style, on a line of its own
 * @cssprop --lp-error-color - a formula KaTeX cannot read (default #b00020; dark #ff6b81)
 */
import katex from 'katex';
import katexCss from 'katex/dist/katex.min.css?inline';
import { css, html, LitElement, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { themeStyles } from './theme';

let fontsAdded = false;

/** KaTeX's fonts must be declared in the document: @font-face in a shadow root is ignored. Once per document. */
function addFonts(): void {
  if (fontsAdded || typeof document === 'undefined') return;
  fontsAdded = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(katexCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

@customElement('lp-tex')
export class LpTex extends LitElement {
  static override styles = [
    themeStyles,
    unsafeCSS(katexCss),
    css`
      /* Inline in the text around it: its colour and background, not the theme's. */
      :host { display: inline; background: none; color: inherit; }
      /* A formula wider than its column scrolls inside it rather than spilling over a figure. */
      :host([display]) { display: block; margin: 0.4em 0; max-width: 100%; overflow-x: auto; overflow-y: hidden; }
      .error { color: var(--_lp-error); font-family: var(--_lp-mono); }
    `,
  ];

  /** The TeX source; the element's own text when absent. */
  @property() tex: string | null = null;
  /** Display style, on a line of its own. */
  @property({ type: Boolean, reflect: true }) display = false;

  override connectedCallback(): void {
    super.connectedCallback();
    addFonts();
  }

  override render() {
    const source = this.tex ?? this.textContent ?? '';
    try {
      // KaTeX escapes what it writes and `trust` is off: no markup from the source reaches the page.
      const markup = katex.renderToString(source, {
        displayMode: this.display,
        throwOnError: true,
        output: 'htmlAndMathml',
      });
      return html`${unsafeHTML(markup)}`;
    } catch (error) {
      return html`<span class="error" role="img" aria-label=${source}>${(error as Error).message}</span>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-tex': LpTex;
  }
}
