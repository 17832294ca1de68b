/**
 * Every change of the data, undoable: a preset drawn, an import, a click's
 * edit, and undo and redo of each. The controller's request queue hands it
 * one change at a time, in the order they were asked for, so an undo always
 * takes back the step the user saw last.
 */
import type { Dataset } from '../model/dataset';
import { type AppliedEdit, redoEdit, undoEdit } from '../model/edit';
import type { PointEdit, TrainingSession } from '../session/training-session';
import type { DataSettings } from '../settings/playground-settings';
import { loadingLabel, stepLabel } from '../text/messages';
import type { DataSource, DataStep } from './data-history';
import { UndoStack } from './undo-stack';

/** Draws a data set, unless `superseded` says the element went away meanwhile (then undefined). */
export type DrawData = (superseded: () => boolean) => Promise<Dataset | undefined>;

/** Data this large take long enough to load that the page says so. */
const LARGE = 100_000;

/** Puts a data set on the session's engine; large ones take a while, and `busy` says so meanwhile. */
export async function loadOnto(
  session: TrainingSession,
  data: Dataset,
  busy: (what: { readonly label: string } | undefined) => void,
): Promise<void> {
  const large = data.targets.length >= LARGE;
  if (large) busy({ label: loadingLabel(data.targets.length, session.engineKind) });
  try {
    await session.loadData(data);
  } finally {
    if (large) busy(undefined);
  }
}

export interface DataKeeperHost {
  readonly session: TrainingSession;
  /** The data a preset's settings describe, drawn again (for undo and redo). */
  presetData(settings: DataSettings, superseded: () => boolean): Promise<Dataset | undefined>;
  /** Loads a data set onto the engine (saying so when it is large). */
  load(data: Dataset): Promise<void>;
  /** Undo or redo brought back data of other settings: the controls show them again. */
  restoreSettings(settings: DataSettings): void;
}

/** A new data set, said how: its settings, its note when custom, and the words for undo. */
export interface Replacement {
  readonly settings: DataSettings;
  /** Where custom data came from (shown on the page); '' for the preset's own data. */
  readonly note: string;
  /** For the Undo button: "import data.csv"; undefined: not undoable (the first data). */
  readonly what?: string;
}

export class DataKeeper {
  private readonly steps = new UndoStack<DataStep>();
  private dropped = false;

  constructor(
    private readonly host: DataKeeperHost,
    /** The settings of the data on the engine (which may differ from the ones asked for last). */
    private shown: DataSettings,
    /** Where custom data came from; '' while they are the preset's. */
    private note: string,
  ) {}

  /** The settings of the data on the engine (those asked for last may differ while they are drawn). */
  get shownSettings(): DataSettings {
    return this.shown;
  }

  /** Where the data came from when the preset does not describe them; '' when it does. */
  get customNote(): string {
    return this.note;
  }

  /** The custom data and their note; undefined while the data are the preset's. */
  get custom(): { dataset: Dataset; note: string } | undefined {
    return this.note ? { dataset: this.host.session.data, note: this.note } : undefined;
  }

  /** What Undo and Redo would do, in words, or undefined when there is nothing to do. */
  get labels(): { readonly undo: string | undefined; readonly redo: string | undefined } {
    const { nextUndo, nextRedo } = this.steps;
    return { undo: nextUndo && stepLabel(nextUndo), redo: nextRedo && stepLabel(nextRedo) };
  }

  /** Replaces the data with what `draw` makes; resolves false when the element went away meanwhile. */
  async replace(draw: DrawData, replacement: Replacement): Promise<boolean> {
    const superseded = () => this.dropped;
    const data = await draw(superseded);
    if (!data || superseded()) return false;
    const before = this.source();
    await this.host.load(data);
    this.note = replacement.note;
    this.shown = replacement.settings;
    if (replacement.what !== undefined) {
      this.steps.push({ kind: 'replace', before, after: this.source(), what: replacement.what });
    }
    return true;
  }

  /** A click's edit; resolves to the edit as made, or to why it was refused. `note` names the edited data. */
  async edit(edit: PointEdit, note: (n: number) => string): Promise<AppliedEdit | string> {
    const made = await this.host.session.editData(edit);
    if (typeof made === 'string') return made;
    const notes = [this.note, note(this.host.session.data.targets.length)] as const;
    this.note = notes[1];
    this.steps.push({ kind: 'edit', edit: made, notes });
    return made;
  }

  /** Takes back the last change of the data; resolves to what was undone, or undefined when nothing was. */
  async undo(): Promise<DataStep | undefined> {
    const step = this.steps.undo();
    if (!step) return undefined;
    try {
      await this.carryOut(step, 'back');
    } catch (error) {
      this.steps.undoFailed();
      throw error;
    }
    return step;
  }

  /** Makes the last undone change again; resolves to it, or undefined when there was none. */
  async redo(): Promise<DataStep | undefined> {
    const step = this.steps.redo();
    if (!step) return undefined;
    try {
      await this.carryOut(step, 'forth');
    } catch (error) {
      this.steps.redoFailed();
      throw error;
    }
    return step;
  }

  /** Drops data still being drawn (the element went away). */
  supersede(): void {
    this.dropped = true;
  }

  private async carryOut(step: DataStep, direction: 'back' | 'forth'): Promise<void> {
    const back = direction === 'back';
    if (step.kind === 'edit') {
      await this.host.session.replayEdit((data) => (back ? undoEdit(data, step.edit) : redoEdit(data, step.edit)));
      this.note = step.notes[back ? 0 : 1];
      return;
    }
    const source = back ? step.before : step.after;
    const data = source.custom?.data ?? (await this.host.presetData(source, () => false));
    if (!data) throw new Error('The data to bring back could not be drawn');
    await this.host.load(data);
    this.note = source.custom?.note ?? '';
    this.shown = { preset: source.preset, gaussians: source.gaussians };
    this.host.restoreSettings(this.shown);
  }

  private source(): DataSource {
    const { preset, gaussians } = this.shown;
    const data = this.host.session.data;
    return this.note ? { preset, gaussians, custom: { data, note: this.note } } : { preset, gaussians };
  }
}
