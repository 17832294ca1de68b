/**
 * The events controls send up to <lp-playground> ("properties down, events
 * up"). All bubble and cross shadow roots. Declared once here because several
 * elements send the same ones.
 */
import type { Dataset } from '../src/model/dataset';
import type { PointEdit } from '../src/session/training-session';
import type { SettingsChange } from '../src/settings/playground-settings';
import { couldNotLoad as couldNotLoadText } from '../src/text/messages';

export type SettingsEvent = CustomEvent<SettingsChange>;
export type StepEvent = CustomEvent<{ count: number }>;
export type PlayEvent = CustomEvent<{ playing: boolean }>;
export type LoadCsvEvent = CustomEvent<{ text: string; name: string }>;
/** Data parsed already (by the import dialog's worker), named for the messages. */
export type LoadDataEvent = CustomEvent<{ data: Dataset; name: string }>;
/** A CSV file (chosen, dropped) for the model's import to read and, if need be, ask about. */
export type ImportCsvEvent = CustomEvent<{ source: Blob; name: string }>;
/** Add a point of class t at x, or remove the point nearest to x. */
export type EditPointEvent = CustomEvent<PointEdit>;

/** What the page says when a file the user chose is refused: the file as well as the problem. */
export function couldNotLoad(name: string, error: unknown): string {
  return couldNotLoadText(name, (error as Error).message);
}

/** Work on a file the user chose, a failure's message naming the file. */
export async function naming(name: string, work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    throw new Error(couldNotLoad(name, error));
  }
}

/** Creates an event the way every control sends them. */
export function controlEvent<T>(type: keyof GlobalEventHandlersEventMap, detail: T): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Change some settings (validated by the playground). */
    'lp-settings': SettingsEvent;
    'lp-step': StepEvent;
    'lp-play': PlayEvent;
    'lp-reset': CustomEvent<null>;
    /** Draw a new sample of the two Gaussians (a new seed). */
    'lp-regenerate': CustomEvent<null>;
    'lp-load-csv': LoadCsvEvent;
    'lp-load-data': LoadDataEvent;
    'lp-import-csv': ImportCsvEvent;
    'lp-edit-point': EditPointEvent;
    /** Which class a plain click on the scatter adds. */
    'lp-add-class': CustomEvent<{ t: 0 | 1 }>;
    /** Take back, or make again, the last change of the data. */
    'lp-undo': CustomEvent<null>;
    'lp-redo': CustomEvent<null>;
    /** In a race, show this racer's boundary on the scatter (0: the model). */
    'lp-select-racer': CustomEvent<{ racer: number }>;
    /** Restore a model file's settings and weights (its parsed JSON). */
    'lp-load-model': CustomEvent<{ model: unknown; name: string }>;
    /** Put away a notice (its text), or every notice (no text). */
    'lp-dismiss-notices': CustomEvent<{ text?: string }>;
  }
}
