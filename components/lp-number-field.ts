/**
 * A labelled number input that checks what is typed before anyone sees it:
 * a value that is not a number, or outside [min, max], is marked invalid with
 * a message that names the field as its label does, and is not sent; the
 * last good value stays. Digits may be grouped ("1 000 000", "1,000,000")
 * and a real minus sign is fine. Sends `lp-number` on a committed change
 * (Enter, or leaving the field).
 *
 * @fires lp-number - a new value was committed and is valid: { value } (does not bubble)
 * @csspart input - the text field
 * @cssprop --lp-surface - the field's background (default white; dark #1f2329)
 * @cssprop --lp-control-border-color - its border (default #777; dark #8b949e)
 * @cssprop --lp-focus-color - the focus ring (default #0072b2; dark #56b4e9)
 * @cssprop --lp-error-color - the border of a value refused (default #b00020; dark #ff6b81)
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { checkNumberText } from '../src/settings/value-checks';
import { themeStyles } from './theme';

export type NumberEvent = CustomEvent<{ value: number }>;

let nextId = 0;

@customElement('lp-number-field')
export class LpNumberField extends LitElement {
  static override styles = [
    themeStyles,
    css`
      /* Never narrower than its value: the input grows with its text (field-sizing), the host with the input. */
      :host { display: inline-flex; flex-direction: column; gap: 0.1em; min-width: min-content; position: relative; }
      :host([inline]) { flex-direction: row; align-items: center; gap: 0.4em; }
      label { font-size: 0.85em; color: var(--_lp-muted); white-space: nowrap; }
      :host([inline]) label { font-size: 0.9em; }
      :host([inline]) input { flex: 1; min-width: 3.5em; }
      :host([hide-label]) label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      input {
        font: inherit; field-sizing: content; min-width: max(3em, 100%); box-sizing: border-box; padding: 0.15em 0.35em;
        border: 1px solid var(--_lp-control-border); border-radius: 4px; background: var(--_lp-surface); color: inherit;
      }
      input:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 1px; }
      input[aria-invalid='true'] { border-color: var(--_lp-error); background: var(--_lp-error-surface); }
      /* Over what is below, not in the flow: a message never reflows the controls or adds a scroll bar. */
      .error { position: absolute; top: 100%; left: 0; z-index: 3; width: max-content; max-width: 16em; margin-top: 2px;
        color: var(--_lp-error-text); background: var(--_lp-error-surface); border: 1px solid var(--_lp-error); border-radius: 4px;
        padding: 0.15em 0.4em; font-size: 0.8em; box-shadow: 0 2px 6px var(--_lp-shadow); }
      /* Beside the field instead, rising from its foot over the row above: the row below stays free. */
      :host([message-beside]) .error { top: auto; bottom: 0; left: 100%; max-width: 15em; margin: 0 0 0 0.4em; line-height: 1.2; }
    `,
  ];

  /** The visible label; also the input's accessible name and the name messages use. */
  @property() label = '';
  /** The current value (the last one accepted). */
  @property({ type: Number }) value = 0;
  /** The smallest value accepted. */
  @property({ type: Number }) min = Number.NEGATIVE_INFINITY;
  /** The largest value accepted. */
  @property({ type: Number }) max = Number.POSITIVE_INFINITY;
  /** Whole numbers only. */
  @property({ type: Boolean }) integer = false;
  /** Shown, but not editable. */
  @property({ type: Boolean }) disabled = false;
  /** The label beside the input rather than above it. */
  @property({ type: Boolean, reflect: true }) inline = false;
  /** The label only for screen readers (and messages): a table's headers say it on screen. */
  @property({ type: Boolean, attribute: 'hide-label', reflect: true }) hideLabel = false;
  /** A refused value's message floats beside the field, rising over the row above, not over the row below. */
  @property({ type: Boolean, attribute: 'message-beside', reflect: true }) messageBeside = false;

  @state() private error = '';
  @state() private text = '';
  private readonly inputId = `lp-number-${nextId++}`;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      this.text = String(this.value);
      this.error = '';
    }
  }

  /** The text Enter committed, until the next keystroke: the browser's change event after Enter must not send it again. */
  private enteredText: string | undefined;

  override render() {
    return html`<label for=${this.inputId}>${this.label}</label>
      <input
        id=${this.inputId}
        part="input"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        spellcheck="false"
        .value=${this.text}
        ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.error ? `${this.inputId}-error` : ''}
        @input=${(e: Event) => {
          this.text = (e.target as HTMLInputElement).value;
          this.enteredText = undefined;
        }}
        @change=${() => {
          // Enter has committed this text already; the change the browser sends after it is the same one.
          if (this.text !== this.enteredText) this.commit();
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Enter') return;
          this.enteredText = this.text;
          this.commit();
        }}
      />
      ${this.error ? html`<span class="error" id="${this.inputId}-error" role="alert">${this.error}</span>` : ''}`;
  }

  private commit(): void {
    let value: number;
    try {
      value = checkNumberText(this.label, this.text, { min: this.min, max: this.max }, this.integer);
    } catch (error) {
      this.error = (error as Error).message;
      return;
    }
    this.error = '';
    // Not bubbling: the control that holds this field listens on it directly.
    if (value !== this.value) this.dispatchEvent(new CustomEvent('lp-number', { detail: { value } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-number-field': LpNumberField;
  }
  interface GlobalEventHandlersEventMap {
    'lp-number': NumberEvent;
  }
}
