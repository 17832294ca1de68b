/**
 * <lp-messages>: what the model it sits in has to say: notices (a bad
 * attribute or link value, a replaced device), an error, why training
 * stopped, advice before the first step, Play's pace, long work under way
 * with its progress, requests queued behind it. Never NaN. Hidden, taking no
 * room, while there is nothing to say. The messages are rendered into the
 * element itself, not a shadow root, so the page around it (and its tests)
 * can read them where the element is.
 *
 * @cssprop --lp-accent - the border of a message about work under way (default #0b5394; dark #74b6ef)
 * @cssprop --lp-error-color - the border of an error (default #b00020; dark #ff6b81)
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consumeModel, type ModelState } from './model-context';
import { playgroundMessages } from './playground-messages';

/**
 * Scoped by the element's name, as light-DOM styles must be. The theme's
 * colours come from the <lp-model> around it (custom properties inherit).
 */
const STYLE = html`<style>
  lp-messages { display: flex; flex-direction: column; gap: 0.25em; }
  lp-messages[hidden] { display: none; }
  lp-messages .message { padding: 0.3em 0.6em; margin: 0; border-left: 4px solid; border-radius: 2px; font-size: 0.9em;
    overflow-wrap: anywhere; }
  lp-messages .message .dismiss { float: right; margin: 0 0 0 0.5em; padding: 0 0.4em; }
  lp-messages .message button { font: inherit; margin-left: 0.5em; padding: 0.1em 0.5em; cursor: pointer; }
  lp-messages :is(.notice, .notices-more, .advice, .pace) { background: var(--_lp-notice-surface); border-color: var(--_lp-notice); }
  lp-messages .busy { background: var(--_lp-busy-surface); border-color: var(--_lp-accent); }
  lp-messages .busy progress { vertical-align: middle; width: 8em; margin-left: 0.5em; }
  lp-messages :is(.error, .divergence) { background: var(--_lp-error-surface); border-color: var(--_lp-error); }
</style>`;

@customElement('lp-messages')
export class LpMessages extends LitElement {
  @state() private model: ModelState | undefined;
  private messages: TemplateResult[] | typeof nothing = nothing;

  constructor() {
    super();
    consumeModel(this, (m) => {
      this.model = m;
    });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    const m = this.model;
    this.messages = m ? playgroundMessages(m.published, m.busy, m.waiting, m.notices, m.error) : nothing;
    this.hidden = this.messages === nothing;
  }

  override render() {
    return html`${STYLE}${this.messages}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-messages': LpMessages;
  }
}
