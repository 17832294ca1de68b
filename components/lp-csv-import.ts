/**
 * <lp-csv-import>: shows the CSV import of the <lp-model> it sits in (see
 * csv-import-controller.ts): the reading's progress with a Cancel button,
 * the outcome (a refusal naming the file and the line, or "cancelled"), and
 * a modal dialog that asks which column is x₁, x₂ and t when a file's header
 * is not `x1,x2,t`: the first rows in a table, a choice per column (the best
 * guess first), whether the first row is a header, Import and Cancel (Esc).
 * Renders nothing while there is nothing to show.
 */
import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  assignRole,
  type CsvRole,
  type CsvRoles,
  guessHeader,
  guessRoles,
  mappingOf,
  missingRoles,
} from '../src/model/csv-columns';
import { controlStyles } from './control-styles';
import { type CsvImportState, csvImportContext, type ImportPhase } from './csv-import-context';

type Asking = Extract<ImportPhase, { kind: 'mapping' }>;

/** Rows of data the dialog shows under the column choices. */
const SHOWN_ROWS = 5;
const ROLE_TEXT: Record<CsvRole, string> = { x1: 'x₁', x2: 'x₂', t: 't (class 0/1)' };

/** The focused element, through shadow roots: where focus goes back to when the dialog closes. */
function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

@customElement('lp-csv-import')
export class LpCsvImport extends LitElement {
  static override styles = [
    controlStyles,
    css`
      .reading { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2em 0.5em; margin-top: 0.3em; }
      .reading label { flex-basis: 100%; font-variant-numeric: tabular-nums; }
      .reading progress { flex: 1; min-width: 6em; height: 1em; }
      .outcome { margin: 0.3em 0 0; font-size: 0.85em; padding: 0.2em 0.45em; border-left: 4px solid var(--_lp-accent); background: var(--_lp-busy-surface); }
      .outcome.error { border-color: var(--_lp-error); background: var(--_lp-error-surface); color: var(--_lp-error-text); }
      /* In the top layer, but still in this shadow tree: it inherits the theme and the playground's text size. */
      dialog { border: 1px solid var(--_lp-border); border-radius: 8px; padding: 0.9em 1.2em; max-width: min(46em, 92vw);
        box-shadow: 0 10px 36px var(--_lp-shadow); color: var(--_lp-text); background: var(--_lp-surface); font-size: 1.05em; }
      dialog::backdrop { background: rgba(0, 0, 0, 0.35); }
      h2 { font-size: 1.15em; margin: 0 0 0.35em; }
      dialog p { margin: 0.3em 0; font-size: 0.92em; }
      .check { display: inline-flex; gap: 0.4em; align-items: center; margin: 0.3em 0; font-size: 0.92em; }
      .scroll { overflow-x: auto; max-width: 100%; margin-top: 0.3em; }
      table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9em; }
      caption { caption-side: top; text-align: left; color: var(--_lp-muted); font-size: 0.9em; padding-bottom: 0.2em; }
      th, td { border: 1px solid var(--_lp-border); padding: 0.2em 0.5em; text-align: right; white-space: nowrap; }
      th { background: var(--_lp-surface-2); vertical-align: bottom; font-weight: normal; text-align: left; }
      th .name { display: block; font-weight: 600; margin-bottom: 0.2em; }
      th select { font-size: 0.95em; }
      td.used { background: color-mix(in srgb, var(--_lp-accent) 7%, var(--_lp-surface)); }
      .problem { color: var(--_lp-error-text); min-height: 1.3em; }
      .buttons { display: flex; justify-content: flex-end; gap: 0.5em; margin-top: 0.5em; }
      button.primary { background: var(--_lp-accent); border: 1px solid var(--_lp-accent); color: var(--_lp-on-accent); border-radius: 4px; }
      button.primary:disabled { opacity: 0.5; cursor: not-allowed; }
    `,
  ];

  @state() private import: CsvImportState | undefined;
  /** The user's answers in the open dialog. */
  @state() private header = true;
  @state() private roles: CsvRoles = [];

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** The question the answers above belong to. */
  private asked: Asking | undefined;
  private detach: (() => void) | undefined;
  private attachedTo: CsvImportState['attach'] | undefined;
  /** Set while the dialog is closed by the state, not by Esc. */
  private closingByState = false;
  private returnFocus: HTMLElement | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: csvImportContext,
      subscribe: true,
      callback: (value) => this.take(value),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.import && !this.detach) this.attachTo(this.import);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach?.();
    this.detach = undefined;
  }

  override render() {
    const phase = this.import?.phase;
    const outcome = this.import?.outcome;
    return html`${phase?.kind === 'reading' ? this.progress(phase.name, phase.fraction) : nothing}
      ${
        outcome
          ? html`<p class="outcome ${outcome.kind}" role=${outcome.kind === 'error' ? 'alert' : 'status'} data-import-outcome>${outcome.text}</p>`
          : nothing
      }
      <dialog aria-labelledby="import-title" aria-describedby="import-about" @close=${this.onClose}>
        ${phase?.kind === 'mapping' ? this.question(phase) : nothing}
      </dialog>`;
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    const asking = this.import?.phase.kind === 'mapping';
    if (asking && !dialog.open) {
      this.returnFocus = deepActiveElement();
      dialog.showModal();
      dialog.querySelector('select')?.focus();
    } else if (!asking && dialog.open) {
      this.closingByState = true;
      dialog.close();
    }
  }

  private take(value: CsvImportState): void {
    if (value.attach !== this.attachedTo) this.attachTo(value);
    const phase = value.phase;
    if (phase.kind === 'mapping' && phase !== this.asked) {
      this.asked = phase;
      this.header = guessHeader(phase.preview);
      this.roles = guessRoles(phase.preview, this.header);
    }
    this.import = value;
  }

  private attachTo(value: CsvImportState): void {
    this.detach?.();
    this.attachedTo = value.attach;
    this.detach = this.isConnected ? value.attach() : undefined;
  }

  private progress(name: string, fraction: number) {
    const percent = Math.floor(fraction * 100);
    return html`<div class="reading" data-import-progress>
      <label for="import-progress">Reading ${name}: ${percent} %</label>
      <progress id="import-progress" max="1" .value=${fraction}></progress>
      <button type="button" @click=${() => this.import?.cancel()}>Cancel</button>
    </div>`;
  }

  private question(asking: Asking) {
    const { rows, columns } = asking.preview;
    const names = this.header ? (rows[0] ?? []) : [];
    const data = (this.header ? rows.slice(1) : rows).slice(0, SHOWN_ROWS);
    const missing = missingRoles(this.roles).map((r) => ROLE_TEXT[r]);
    const ready = mappingOf(this.roles, this.header) !== undefined;
    const indices = [...Array(columns).keys()];
    return html`<form @submit=${this.submit}>
      <h2 id="import-title">Which column is which?</h2>
      <p id="import-about">The columns of ${asking.name} are not named x1, x2, t. Choose the column of x₁, of x₂ and
        of the class t (0 or 1); the other columns are left out.</p>
      <label class="check"><input type="checkbox" .checked=${this.header}
        @change=${(e: Event) => {
          this.header = (e.target as HTMLInputElement).checked;
        }} />The first row holds the column names</label>
      <div class="scroll"><table>
        <caption>The first rows of ${asking.name}</caption>
        <thead><tr>${indices.map((c) => {
          const name = names[c] ?? '';
          const title = this.header ? name || `(column ${c + 1})` : `Column ${c + 1}`;
          return html`<th scope="col"><span class="name">${title}</span>
            <select aria-label=${`Column ${c + 1}${this.header && name ? ` (${name})` : ''} is`}
              @change=${(e: Event) => this.choose(c, (e.target as HTMLSelectElement).value)}>
              <option value="" .selected=${this.roles[c] === undefined}>not used</option>
              ${(['x1', 'x2', 't'] as const).map(
                (role) => html`<option value=${role} .selected=${this.roles[c] === role}>${ROLE_TEXT[role]}</option>`,
              )}
            </select></th>`;
        })}</tr></thead>
        <tbody>${data.map(
          (row) =>
            html`<tr>${indices.map((c) => html`<td class=${this.roles[c] ? 'used' : ''}>${row[c] ?? ''}</td>`)}</tr>`,
        )}</tbody>
      </table></div>
      <p class="problem" aria-live="polite">${missing.length > 0 ? `Choose a column for ${missing.join(' and ')}.` : ''}</p>
      <div class="buttons">
        <button type="button" @click=${() => this.import?.cancel()}>Cancel</button>
        <button type="submit" class="primary" ?disabled=${!ready}>Import</button>
      </div>
    </form>`;
  }

  private choose(column: number, value: string): void {
    const role = value === '' ? undefined : (value as CsvRole);
    this.roles = assignRole(this.roles, column, role);
  }

  private submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const mapping = mappingOf(this.roles, this.header);
    if (mapping) this.import?.confirm(mapping);
  };

  /** Esc closed it (or the state did): Esc cancels; focus goes back to where it was. */
  private onClose = (): void => {
    if (!this.closingByState) this.import?.cancel();
    this.closingByState = false;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (back?.isConnected) back.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-csv-import': LpCsvImport;
  }
}
