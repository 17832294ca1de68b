import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { CsvMapping } from '../src/model/csv';
import { previewCsv } from '../src/model/csv-columns';
import { IMPORT_CANCELLED as CANCELLED } from '../src/text/messages';
import { type CsvImportState, csvImportContext, type ImportOutcome, type ImportPhase } from './csv-import-context';
import './lp-csv-import';
import type { LpCsvImport } from './lp-csv-import';
import { mount, seriousViolations, settled } from './testing/mount';

/**
 * Stands in for an <lp-model>'s CSV import (csv-import-controller.ts): provides
 * the import context with the phase a test sets, and records the answers the
 * element gives. Cancel behaves as the real import does: idle, "cancelled".
 */
class TestCsvImportHost extends LitElement {
  readonly confirmed: CsvMapping[] = [];
  cancels = 0;
  /** Elements attached now (attach minus detach). */
  views = 0;
  attaches = 0;
  private readonly provider = new ContextProvider(this, {
    context: csvImportContext,
    initialValue: this.snapshot({ kind: 'idle' }, undefined),
  });

  show(phase: ImportPhase, outcome?: ImportOutcome): void {
    this.provider.setValue(this.snapshot(phase, outcome));
  }

  private snapshot(phase: ImportPhase, outcome: ImportOutcome | undefined): CsvImportState {
    return {
      phase,
      outcome,
      confirm: (mapping) => {
        this.confirmed.push(mapping);
      },
      cancel: () => {
        this.cancels++;
        this.show({ kind: 'idle' }, { kind: 'status', text: CANCELLED });
      },
      attach: () => {
        this.views++;
        this.attaches++;
        let attached = true;
        return () => {
          if (attached) this.views--;
          attached = false;
        };
      },
    };
  }

  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('test-csv-import-host')) customElements.define('test-csv-import-host', TestCsvImportHost);

/** A file whose columns are not x1,x2,t: an id, two coordinates named otherwise, a 0/1 class. */
const ODD_CSV = 'id,a,b,label\n1,0.5,1,0\n2,-1,2,1\n3,2.5,-0.5,1\n';
const asking = (text = ODD_CSV, name = 'points.csv'): ImportPhase => ({
  kind: 'mapping',
  name,
  preview: previewCsv(text, true),
});

async function mountHost(): Promise<{ host: TestCsvImportHost; view: LpCsvImport }> {
  const host = await mount<TestCsvImportHost>(
    html`<test-csv-import-host><button type="button" id="before">Load CSV…</button><lp-csv-import></lp-csv-import></test-csv-import-host>`,
  );
  return { host, view: host.querySelector('lp-csv-import') as LpCsvImport };
}

async function show(host: TestCsvImportHost, phase: ImportPhase, outcome?: ImportOutcome): Promise<void> {
  host.show(phase, outcome);
  await settled(host);
}

const part = <E extends Element>(view: LpCsvImport, selector: string) =>
  view.shadowRoot?.querySelector<E>(selector) ?? null;
const dialogOf = (view: LpCsvImport) => part<HTMLDialogElement>(view, 'dialog') as HTMLDialogElement;
const selects = (view: LpCsvImport) => [...(view.shadowRoot?.querySelectorAll('select') ?? [])];
const importButton = (view: LpCsvImport) => part<HTMLButtonElement>(view, 'button[type=submit]') as HTMLButtonElement;
/** The dialog's close events from now on (each comes a task after it closes). */
function closes(view: LpCsvImport): Event[] {
  const events: Event[] = [];
  dialogOf(view).addEventListener('close', (e) => events.push(e));
  return events;
}
const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim();

/** Chooses `value` for a column as a user would with the mouse: the select's value, then its change. */
async function choose(view: LpCsvImport, column: number, value: string): Promise<void> {
  const select = selects(view)[column] as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(view);
}

describe('<lp-csv-import>', () => {
  it('shows nothing alone, outside any model', async () => {
    const view = await mount<LpCsvImport>(html`<lp-csv-import></lp-csv-import>`);
    expect(part(view, '[data-import-progress]')).toBeNull();
    expect(part(view, '[data-import-outcome]')).toBeNull();
    expect(dialogOf(view).open).toBe(false);
  });

  it('shows nothing while the import is idle', async () => {
    const { view } = await mountHost();
    expect(part(view, '[data-import-progress]')).toBeNull();
    expect(part(view, '[data-import-outcome]')).toBeNull();
    expect(dialogOf(view).open).toBe(false);
  });

  it('shows the reading as a whole percentage with a progress bar, and Cancel cancels it', async () => {
    const { host, view } = await mountHost();
    await show(host, { kind: 'reading', name: 'big.csv', fraction: 0.4267 });
    expect(text(part(view, '[data-import-progress] label'))).toBe('Reading big.csv: 42 %');
    const progress = part<HTMLProgressElement>(view, 'progress') as HTMLProgressElement;
    expect(progress.value).toBeCloseTo(0.4267, 6);
    expect(progress.labels[0]?.textContent).toContain('42 %');
    await show(host, { kind: 'reading', name: 'big.csv', fraction: 1 });
    expect(text(part(view, '[data-import-progress] label'))).toBe('Reading big.csv: 100 %');
    expect(await seriousViolations(view)).toEqual([]);

    (part<HTMLButtonElement>(view, '[data-import-progress] button') as HTMLButtonElement).click();
    await settled(host);
    expect(host.cancels).toBe(1);
    expect(part(view, '[data-import-progress]')).toBeNull();
    const outcome = part(view, '[data-import-outcome]');
    expect(text(outcome)).toBe(CANCELLED);
    expect(outcome?.getAttribute('role')).toBe('status');
  });

  it('cancels the reading from the keyboard: Tab to Cancel, Enter', async () => {
    const { host, view } = await mountHost();
    await show(host, { kind: 'reading', name: 'big.csv', fraction: 0.1 });
    (host.querySelector('#before') as HTMLButtonElement).focus();
    await userEvent.tab();
    expect(view.shadowRoot?.activeElement?.textContent).toBe('Cancel');
    await userEvent.keyboard('{Enter}');
    await settled(host);
    expect(host.cancels).toBe(1);
  });

  it('announces a refusal at once (an alert naming the file and line), a cancel politely', async () => {
    const { host, view } = await mountHost();
    const refusal = 'Could not load bad.csv: Line 3: x1 is not a number: "abc"';
    await show(host, { kind: 'idle' }, { kind: 'error', text: refusal });
    const outcome = part(view, '[data-import-outcome]');
    expect(text(outcome)).toBe(refusal);
    expect(outcome?.getAttribute('role')).toBe('alert');
    expect(outcome?.classList.contains('error')).toBe(true);
    await show(host, { kind: 'idle' }, { kind: 'status', text: CANCELLED });
    expect(part(view, '[data-import-outcome]')?.getAttribute('role')).toBe('status');
    await show(host, { kind: 'idle' });
    expect(part(view, '[data-import-outcome]')).toBeNull();
  });

  it('asks which column is which in a modal dialog, with the best guess chosen and the first rows shown', async () => {
    const { host, view } = await mountHost();
    await show(host, asking());
    const dialog = dialogOf(view);
    expect(dialog.open).toBe(true);
    expect(dialog.matches(':modal')).toBe(true);
    expect(text(part(view, '#import-title'))).toBe('Which column is which?');
    expect(text(part(view, '#import-about'))).toContain('The columns of points.csv are not named x1, x2, t.');
    // The first row has names: a header; the guess by column: id not used (x1, x2 go to the first numeric columns).
    expect(part<HTMLInputElement>(view, 'input[type=checkbox]')?.checked).toBe(true);
    expect([...(view.shadowRoot?.querySelectorAll('th .name') ?? [])].map(text)).toEqual(['id', 'a', 'b', 'label']);
    expect(selects(view).map((s) => s.value)).toEqual(['x1', 'x2', '', 't']);
    expect(selects(view).map((s) => s.getAttribute('aria-label'))).toEqual([
      'Column 1 (id) is',
      'Column 2 (a) is',
      'Column 3 (b) is',
      'Column 4 (label) is',
    ]);
    expect([...(selects(view)[3]?.options ?? [])].map((o) => o.textContent)).toEqual([
      'not used',
      'x₁',
      'x₂',
      't (class 0/1)',
    ]);
    // Three data rows, the header not among them; the used columns marked.
    const rows = [...(view.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((r) => [...r.querySelectorAll('td')].map(text))).toEqual([
      ['1', '0.5', '1', '0'],
      ['2', '-1', '2', '1'],
      ['3', '2.5', '-0.5', '1'],
    ]);
    expect([...(rows[0]?.querySelectorAll('td') ?? [])].map((td) => td.classList.contains('used'))).toEqual([
      true,
      true,
      false,
      true,
    ]);
    // Focus is in the dialog, on the first choice.
    expect(view.shadowRoot?.activeElement).toBe(selects(view)[0]);
    expect(text(part(view, '.problem'))).toBe('');
    expect(importButton(view).disabled).toBe(false);
    expect(await seriousViolations(view)).toEqual([]);
  });

  it('imports with the columns chosen: a role taken from another column swaps with it', async () => {
    const { host, view } = await mountHost();
    await show(host, asking());
    await choose(view, 1, 'x1');
    await choose(view, 2, 'x2');
    // a took x1 from id, which took a's old role (x2); b took x2 from id, which is left with nothing.
    expect(selects(view).map((s) => s.value)).toEqual(['', 'x1', 'x2', 't']);
    importButton(view).click();
    await settled(host);
    expect(host.confirmed).toEqual([{ x1: 1, x2: 2, t: 3, header: true }]);
  });

  it('says which role still needs a column, and will not import until it has one', async () => {
    const { host, view } = await mountHost();
    await show(host, asking());
    await choose(view, 3, '');
    expect(text(part(view, '.problem'))).toBe('Choose a column for t (class 0/1).');
    expect(importButton(view).disabled).toBe(true);
    await choose(view, 1, '');
    expect(text(part(view, '.problem'))).toBe('Choose a column for x₂ and t (class 0/1).');
    part<HTMLFormElement>(view, 'form')?.requestSubmit();
    await settled(host);
    expect(host.confirmed).toEqual([]);
    await choose(view, 2, 't');
    await choose(view, 3, 'x2');
    expect(text(part(view, '.problem'))).toBe('');
    importButton(view).click();
    await settled(host);
    expect(host.confirmed).toEqual([{ x1: 0, x2: 3, t: 2, header: true }]);
  });

  it('reads the first row as data when told it holds no names', async () => {
    const { host, view } = await mountHost();
    await show(host, asking('5,0.5,1,0\n6,-1,2,1\n', 'numbers.txt'));
    // All numbers: no header guessed, columns named by number.
    expect(part<HTMLInputElement>(view, 'input[type=checkbox]')?.checked).toBe(false);
    expect([...(view.shadowRoot?.querySelectorAll('th .name') ?? [])].map(text)).toEqual([
      'Column 1',
      'Column 2',
      'Column 3',
      'Column 4',
    ]);
    expect(view.shadowRoot?.querySelectorAll('tbody tr').length).toBe(2);
    const checkbox = part<HTMLInputElement>(view, 'input[type=checkbox]') as HTMLInputElement;
    checkbox.click();
    await settled(view);
    // Now the first row names the columns and is left out of the data.
    expect(text(part(view, 'th .name'))).toBe('5');
    expect(selects(view)[0]?.getAttribute('aria-label')).toBe('Column 1 (5) is');
    expect(view.shadowRoot?.querySelectorAll('tbody tr').length).toBe(1);
    checkbox.click();
    await settled(view);
    importButton(view).click();
    await settled(host);
    expect(host.confirmed).toEqual([{ x1: 0, x2: 1, t: 3, header: false }]);
  });

  it('is answered by keyboard: arrows change a choice, Tab reaches Import, Enter imports', async () => {
    const { host, view } = await mountHost();
    await show(host, asking());
    expect(view.shadowRoot?.activeElement).toBe(selects(view)[0]);
    // x1 → x2 on the first column: the second column, which had x2, takes x1.
    await userEvent.keyboard('{ArrowDown}');
    await settled(view);
    expect(selects(view).map((s) => s.value)).toEqual(['x2', 'x1', '', 't']);
    // Four selects, then Cancel, then Import.
    for (let i = 0; i < 5; i++) await userEvent.tab();
    expect(view.shadowRoot?.activeElement).toBe(importButton(view));
    await userEvent.keyboard('{Enter}');
    await settled(host);
    expect(host.confirmed).toEqual([{ x1: 1, x2: 0, t: 3, header: true }]);
  });

  it('Esc cancels the question and gives focus back to where it was', async () => {
    const { host, view } = await mountHost();
    const before = host.querySelector('#before') as HTMLButtonElement;
    before.focus();
    await show(host, asking());
    expect(dialogOf(view).open).toBe(true);
    expect(document.activeElement).toBe(view);
    const closed = closes(view);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => closed.length).toBe(1);
    await settled(host);
    expect(dialogOf(view).open).toBe(false);
    expect(host.cancels).toBe(1);
    expect(text(part(view, '[data-import-outcome]'))).toBe(CANCELLED);
    expect(document.activeElement).toBe(before);
  });

  it('the Cancel button cancels the question', async () => {
    const { host, view } = await mountHost();
    await show(host, asking());
    (part<HTMLButtonElement>(view, '.buttons button[type=button]') as HTMLButtonElement).click();
    await settled(host);
    expect(host.cancels).toBe(1);
    expect(dialogOf(view).open).toBe(false);
  });

  it('closes the dialog without cancelling when the import moves on to reading', async () => {
    const { host, view } = await mountHost();
    await show(host, asking());
    // The close event comes a task after the dialog closes: wait for it, then see that it cancelled nothing.
    const closed = closes(view);
    await show(host, { kind: 'reading', name: 'points.csv', fraction: 0 });
    await expect.poll(() => closed.length).toBe(1);
    await settled(host);
    expect(dialogOf(view).open).toBe(false);
    expect(host.cancels).toBe(0);
    expect(text(part(view, '[data-import-progress] label'))).toBe('Reading points.csv: 0 %');
  });

  it('guesses again for a new file, not for the same question shown again', async () => {
    const { host, view } = await mountHost();
    const first = asking();
    await show(host, first);
    await choose(view, 0, '');
    expect(selects(view).map((s) => s.value)).toEqual(['', 'x2', '', 't']);
    // The same question in a new state (an outcome changed): the user's answers stay.
    await show(host, first, undefined);
    expect(selects(view).map((s) => s.value)).toEqual(['', 'x2', '', 't']);
    await show(host, asking('t,x,y\n1,2,3\n0,4,5\n', 'other.csv'));
    expect(text(part(view, '#import-about'))).toContain('The columns of other.csv');
    expect(selects(view).map((s) => s.value)).toEqual(['t', 'x1', 'x2']);
  });

  it('says it shows the import while it is on the page, and again when it is put back', async () => {
    const { host, view } = await mountHost();
    expect(host.views).toBe(1);
    view.remove();
    expect(host.views).toBe(0);
    host.append(view);
    await settled(host);
    expect(host.views).toBe(1);
    expect(host.attaches).toBe(2);
    // It still shows the import after coming back.
    await show(host, { kind: 'reading', name: 'back.csv', fraction: 0.5 });
    expect(text(part(view, '[data-import-progress] label'))).toBe('Reading back.csv: 50 %');
  });
});
