/**
 * What an <lp-model>'s CSV import (csv-import-controller.ts) tells the
 * element that shows it (<lp-csv-import>): the step it is at (asking which
 * column is which, reading with its progress), the last outcome, and the
 * answers the element can give. One immutable object, replaced on change.
 */
import { createContext } from '@lit/context';
import type { CsvMapping } from '../src/model/csv';
import type { CsvPreview } from '../src/model/csv-columns';

export type ImportPhase =
  | { readonly kind: 'idle' }
  /** The columns are not `x1,x2,t`: the user says which is which. */
  | { readonly kind: 'mapping'; readonly name: string; readonly preview: CsvPreview }
  /** The worker reads the file: `fraction` of its bytes so far. */
  | { readonly kind: 'reading'; readonly name: string; readonly fraction: number };

export interface ImportOutcome {
  readonly text: string;
  /** An error is announced at once (role="alert"); a status politely. */
  readonly kind: 'error' | 'status';
}

export interface CsvImportState {
  readonly phase: ImportPhase;
  readonly outcome: ImportOutcome | undefined;
  /** Read the file waiting in the mapping phase with this mapping. */
  readonly confirm: (mapping: CsvMapping) => void;
  /** Cancel the question or the reading; the data stay. */
  readonly cancel: () => void;
  /** Says an element shows this import (pastes and drops are taken only then); returns the detach function. */
  readonly attach: () => () => void;
}

export const csvImportContext = createContext<CsvImportState>(Symbol('lp-csv-import'));
