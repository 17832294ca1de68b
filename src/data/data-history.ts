/**
 * What undo and redo need to know about the data: where a data set came
 * from (a preset's settings, which draw it again exactly, or the data
 * themselves when nothing else can bring them back), and each change as a
 * step between two of them. A click's edit is kept as the edit alone, so a
 * hundred clicks on two million points cost a hundred small records, not a
 * hundred copies.
 */
import type { Dataset } from '../model/dataset';
import type { AppliedEdit } from '../model/edit';
import type { DataSettings } from '../settings/playground-settings';

/** Where a data set came from: enough to have it again, bit for bit. */
export interface DataSource extends DataSettings {
  /** The data themselves when the preset does not describe them (a file, edits); with the page's note on them. */
  readonly custom?: { readonly data: Dataset; readonly note: string };
}

export type DataStep =
  /** A click added or removed a point; `notes` say where the data came from before and after. */
  | { readonly kind: 'edit'; readonly edit: AppliedEdit; readonly notes: readonly [before: string, after: string] }
  /** The data were replaced: a preset, new Gaussian settings, a new seed, an import. */
  | { readonly kind: 'replace'; readonly before: DataSource; readonly after: DataSource; readonly what: string };
