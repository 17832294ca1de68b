/**
 * The settings and the data as the requests made so far will leave them,
 * known the moment a request is made, before the ones ahead of it have run.
 * It is the one checkpoint of a change of settings: it answers two questions
 * then: is the request valid (a bad value is refused at once, against what
 * was asked before it; what passes goes on as a CheckedChange that nothing
 * checks again), and does it surely
 * start training again, so that the steps asked for before it are pointless
 * and stop (a reset, new data, a new start w(0), a loaded model)? Where the
 * answer depends on what an undo or a redo still to run will bring back, it
 * says no: those steps are then taken, and the restart follows them.
 */
import {
  dataChanged,
  type PlaygroundSettings,
  type SettingsChange,
  trainingRestarts,
} from '../settings/playground-settings';
import { applyChecked, type CheckedChange, checkChange } from '../settings/settings-change';

export class RequestedState {
  /** Whether the data will be custom (a file, edits) rather than the preset's; undefined until an undo or redo has run. */
  private custom: boolean | undefined;
  /** Whether the data settings are those the data will have (an undo or redo may bring back others). */
  private dataKnown = true;

  constructor(
    private asked: PlaygroundSettings,
    custom: boolean,
  ) {
    this.custom = custom;
  }

  /** The settings as the requests made so far leave them. */
  get settings(): PlaygroundSettings {
    return this.asked;
  }

  /**
   * Records a change of settings; a SettingError (nothing recorded) for a
   * bad value. Says whether it surely draws new data, and whether it surely
   * starts the run again from w(0).
   */
  change(change: SettingsChange): {
    readonly checked: CheckedChange;
    readonly newData: boolean;
    readonly restarts: boolean;
  } {
    const { settings: next, checked } = checkChange(this.asked, change);
    return { checked, ...this.record(checked, next) };
  }

  /** A loaded model's settings, checked where the file came in (parseModel): recorded as they are. */
  loaded(change: CheckedChange): void {
    this.record(change, applyChecked(this.asked, change));
  }

  private record(change: CheckedChange, next: PlaygroundSettings): { newData: boolean; restarts: boolean } {
    const presetOverCustom = change.preset !== undefined && this.custom === true;
    const newData = presetOverCustom || (this.dataKnown && dataChanged(this.asked, next));
    const restarts = newData || trainingRestarts(this.asked.training, next.training);
    if (change.preset !== undefined) {
      // Choosing a preset leaves its own data, whatever came before.
      this.custom = false;
      this.dataKnown = true;
    }
    this.asked = next;
    return { newData, restarts };
  }

  /** New data from elsewhere (a file, a link) or a click's edit: the data will be custom. */
  customData(): void {
    this.custom = true;
  }

  /** An undo or a redo: which data it brings back is known only when it runs. */
  dataUnknown(): void {
    this.custom = undefined;
    this.dataKnown = false;
  }
}
