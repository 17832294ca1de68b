/**
 * The CSV import of an <lp-model>: a reactive controller that takes a file
 * from the file picker or a drop (the `lp-import-csv` event) or the clipboard
 * (a `paste` not aimed at a text field; with `global-shortcuts`, anywhere on
 * the page), asks which column is which when the header is not `x1,x2,t`,
 * reads the file in a worker with its progress, and hands the data to the
 * model (`lp-load-data`). The current data stay until that succeeds. It
 * gives <lp-csv-import> what to show through a context; without such an
 * element inside the model it takes no pastes and no drops.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CsvMapping } from '../src/model/csv';
import { looksLikeUtf16 } from '../src/model/csv';
import { isStandardHeader, previewCsv } from '../src/model/csv-columns';
import { type CsvRead, readCsvInWorker } from '../src/model/csv-worker-client';
import { couldNotRead, IMPORT_CANCELLED, SOURCE } from '../src/text/messages';
import { type CsvImportState, csvImportContext, type ImportOutcome, type ImportPhase } from './csv-import-context';
import { controlEvent, couldNotLoad } from './events';
import { isTextField } from './shortcuts';

/** The bytes read on the main thread to look at the first rows. */
const HEAD_BYTES = 64 * 1024;

export interface CsvImportHost extends ReactiveControllerHost, HTMLElement {
  /** Take pastes anywhere on the page, as the keyboard shortcuts are. */
  readonly globalShortcuts: boolean;
  /** An import ended without data (refused, cancelled): the model's status says so, being the latest action. */
  importEnded(outcome: ImportOutcome): void;
}

export class CsvImportController implements ReactiveController {
  private phase: ImportPhase = { kind: 'idle' };
  private outcome: ImportOutcome | undefined;
  /** The file the mapping question is about. */
  private waiting: Blob | undefined;
  private reading: CsvRead | undefined;
  /** Counts imports: one a later one overtook is dropped. */
  private generation = 0;
  private views = 0;
  private listening: Document | undefined;
  private connected = false;
  private readonly provider: ContextProvider<typeof csvImportContext, CsvImportHost>;

  constructor(private readonly host: CsvImportHost) {
    host.addController(this);
    this.provider = new ContextProvider(host, { context: csvImportContext, initialValue: this.snapshot() });
  }

  hostConnected(): void {
    this.connected = true;
    this.host.addEventListener('paste', this.onPaste);
    this.host.addEventListener('lp-import-csv', this.onImport);
    this.hostUpdated();
  }

  /** Follows `global-shortcuts` (not after a disconnect: an update may still run then). */
  hostUpdated(): void {
    const wanted = this.connected && this.host.globalShortcuts ? this.host.ownerDocument : undefined;
    if (wanted === this.listening) return;
    this.listening?.removeEventListener('paste', this.onDocumentPaste);
    wanted?.addEventListener('paste', this.onDocumentPaste);
    this.listening = wanted;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.host.removeEventListener('paste', this.onPaste);
    this.host.removeEventListener('lp-import-csv', this.onImport);
    this.listening?.removeEventListener('paste', this.onDocumentPaste);
    this.listening = undefined;
    this.stop();
    this.set({ kind: 'idle' }, undefined);
  }

  /** Reads `source` (named `name` in the messages): at once for `x1,x2,t`, after the mapping question otherwise. */
  async start(source: Blob, name: string): Promise<void> {
    const generation = this.stop();
    this.set({ kind: 'idle' }, undefined);
    let head: string;
    try {
      head = await source.slice(0, HEAD_BYTES).text();
    } catch (error) {
      this.end({ kind: 'error', text: couldNotRead(name, (error as Error).message) });
      return;
    }
    if (generation !== this.generation) return;
    const preview = previewCsv(head, source.size <= HEAD_BYTES);
    const first = preview.rows[0];
    // An empty file, `x1,x2,t`, too few columns to choose from, or not UTF-8: the parser says what it needs.
    if (!first || isStandardHeader(first) || preview.columns < 3 || looksLikeUtf16(head)) {
      void this.read(source, name, undefined);
      return;
    }
    this.waiting = source;
    this.set({ kind: 'mapping', name, preview }, undefined);
  }

  private snapshot(): CsvImportState {
    return {
      phase: this.phase,
      outcome: this.outcome,
      confirm: this.confirm,
      cancel: this.cancel,
      attach: this.attach,
    };
  }

  private set(phase: ImportPhase, outcome: ImportOutcome | undefined): void {
    this.phase = phase;
    this.outcome = outcome;
    this.provider.setValue(this.snapshot());
  }

  /** Stops whatever is under way, silently; returns the new generation. */
  private stop(): number {
    this.reading?.cancel();
    this.reading = undefined;
    this.waiting = undefined;
    return ++this.generation;
  }

  private async read(source: Blob, name: string, mapping: CsvMapping | undefined): Promise<void> {
    const generation = this.stop();
    this.set({ kind: 'reading', name, fraction: 0 }, undefined);
    const reading = readCsvInWorker(source, mapping, (fraction) => {
      if (generation === this.generation) this.set({ kind: 'reading', name, fraction }, undefined);
    });
    this.reading = reading;
    try {
      const data = await reading.done;
      if (!data || generation !== this.generation) return;
      this.reading = undefined;
      this.set({ kind: 'idle' }, undefined);
      // The model takes it from here (and says if the engine refuses it); the old data stay until then.
      this.host.dispatchEvent(controlEvent('lp-load-data', { data, name }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.reading = undefined;
      this.end({ kind: 'error', text: couldNotLoad(name, error) });
    }
  }

  private confirm = (mapping: CsvMapping): void => {
    const source = this.waiting;
    if (this.phase.kind !== 'mapping' || !source) return;
    void this.read(source, this.phase.name, mapping);
  };

  private cancel = (): void => {
    if (this.phase.kind === 'idle') return;
    this.stop();
    this.end({ kind: 'status', text: IMPORT_CANCELLED });
  };

  private end(outcome: ImportOutcome): void {
    this.set({ kind: 'idle' }, outcome);
    this.host.importEnded(outcome);
  }

  private attach = (): (() => void) => {
    this.views++;
    let attached = true;
    return () => {
      if (attached) this.views--;
      attached = false;
    };
  };

  private onImport = (event: GlobalEventHandlersEventMap['lp-import-csv']): void => {
    void this.start(event.detail.source, event.detail.name);
  };

  private onPaste = (event: ClipboardEvent): void => {
    if (this.views === 0 || event.defaultPrevented || isTextField(event.composedPath()[0])) return;
    const clipboard = event.clipboardData;
    const file = clipboard?.files[0];
    const text = clipboard?.getData('text/plain') ?? '';
    if (!file && text.trim() === '') return;
    event.preventDefault();
    void this.start(file ?? new Blob([text], { type: 'text/plain' }), file?.name ?? SOURCE.pasted);
  };

  /** Pastes elsewhere on the page; those inside the element were handled by onPaste. */
  private onDocumentPaste = (event: ClipboardEvent): void => {
    if (!event.composedPath().includes(this.host)) this.onPaste(event);
  };
}
