/**
 * A labelled number input that checks what is typed before anyone sees it:
 * a value that is not a number, or outside [min, max], is marked invalid with
 * a message and not sent; the last good value stays. Sends `lp-number` on a
 * committed change (Enter, or leaving the field).
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

export type NumberEvent = CustomEvent<{ value: number }>;

let nextId = 0;

@customElement('lp-number-field')
export class LpNumberField extends LitElement {
  static override styles = css`
    :host { display: inline-flex; flex-direction: column; gap: 0.15em; min-width: 0; }
    label { font-size: 0.85em; color: var(--lp-muted, #444); }
    input {
      font: inherit; width: 100%; box-sizing: border-box; padding: 0.2em 0.35em;
      border: 1px solid #888; border-radius: 4px; background: white; color: inherit;
    }
    input:focus-visible { outline: 3px solid #0072b2; outline-offset: 1px; }
    input[aria-invalid='true'] { border-color: #b00020; background: #fff0f0; }
    .error { color: #b00020; font-size: 0.8em; }
  `;

  /** The visible label; also the input's accessible name. */
  @property() label = '';
  /** The current value (the last one accepted). */
  @property({ type: Number }) value = 0;
  @property({ type: Number }) min = Number.NEGATIVE_INFINITY;
  @property({ type: Number }) max = Number.POSITIVE_INFINITY;
  /** Whole numbers only. */
  @property({ type: Boolean }) integer = false;
  @property() step = 'any';
  @property({ type: Boolean }) disabled = false;

  @state() private error = '';
  @state() private text = '';
  private readonly inputId = `lp-number-${nextId++}`;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      this.text = String(this.value);
      this.error = '';
    }
  }

  override render() {
    return html`<label for=${this.inputId}>${this.label}</label>
      <input
        id=${this.inputId}
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
        }}
        @change=${() => this.commit()}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') this.commit();
        }}
      />
      ${this.error ? html`<span class="error" id="${this.inputId}-error" role="alert">${this.error}</span>` : ''}`;
  }

  private commit(): void {
    const trimmed = this.text.trim().replace(/^−/, '-');
    const value = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(value)) {
      this.error = `"${this.text}" is not a number`;
    } else if (value < this.min || value > this.max) {
      this.error = `Must be between ${this.min} and ${this.max}`;
    } else if (this.integer && !Number.isInteger(value)) {
      this.error = 'Must be a whole number';
    } else {
      this.error = '';
      if (value !== this.value) {
        // Not bubbling: the control that holds this field listens on it directly.
        this.dispatchEvent(new CustomEvent('lp-number', { detail: { value } }));
      }
    }
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
