/**
 * Every sentence the page says to its user, in one place, apart from the
 * logic that decides which to say: the status line after each thing the
 * controller does, the notices (links, attributes, the GPU, model files),
 * the advice, the notes of the export and share buttons, the engine's
 * reasons, and the labels long work and undo steps go by. Numbers and names
 * come in as parameters: this module imports nothing from the layers above.
 * Not here: the settings table's messages (generated from each row's label),
 * the CSV parser's, errors thrown for a misused API, the lecture's slides,
 * and the labels in the elements' templates.
 */
import { countOf, formatCount } from './format';
import { formatLimit } from './number-text';
import { quote } from './quote';

/**
 * A change of the data as its label needs it (the data layer's DataStep has
 * this shape): a replacement says what it was; a click added or removed a point.
 */
export type LabelledStep =
  | { readonly kind: 'replace'; readonly what: string }
  | { readonly kind: 'edit'; readonly edit: { readonly kind: 'add' | 'remove'; readonly point: readonly number[] } };

/** A click's edit as its sentence needs it (the session's PointEdit has this shape). */
export type SaidEdit = { readonly action: 'add'; readonly t: 0 | 1 } | { readonly action: 'remove' };

/** The status line's sentences that take no numbers. */
export const SAID = {
  /** After a change of the model or of w(0). */
  restarted: 'The model or its start changed: training starts again from w(0).',
  /** After a change of η or of the batch: the run goes on. */
  appliedNext: 'Applied from the next step on; the weights stay.',
  /** After Reset. */
  reset: 'Back to w(0).',
  /** When Play is pressed after a divergence. */
  playOff: 'Play stays off after a divergence: press Reset (R), or change η and then Reset.',
  /** When Play starts. */
  playing: 'Playing: Space or Pause stops it.',
  /** After new data (a preset, new Gaussians) replaced the old: the run starts over. */
  newData: 'New data: training starts again from w(0).',
  /** Why a click removed nothing: there was no point to take away. */
  noPointToRemove: 'There is no point to remove.',
} as const;

/** After step(n) took all n steps (n ≥ 1), ending at `iteration`. */
export function steppedStatus(taken: number, iteration: number): string {
  const steps = taken === 1 ? 'One step' : `${formatCount(taken)} steps`;
  return `${steps} taken: iteration ${formatCount(iteration)}.`;
}

/** After a pause of Play. */
export function pausedStatus(iteration: number): string {
  return `Paused at iteration ${formatCount(iteration)}.`;
}

/** What a step did, in the words of the Undo and Redo buttons ("Undo: add a point"). */
export function stepLabel(step: LabelledStep): string {
  if (step.kind === 'replace') return step.what;
  return step.edit.kind === 'add' ? `add a point of class ${step.edit.point[2]}` : 'remove a point';
}

/** After an undo or a redo (or an attempt with nothing to take back or make again). */
export function historyStatus(step: LabelledStep | undefined, verb: 'undo' | 'redo', n: number): string {
  if (!step) return `There is nothing to ${verb}.`;
  return `${verb === 'undo' ? 'Undone' : 'Redone'}: ${stepLabel(step)}. N = ${formatCount(n)}.`;
}

/** After a click's edit was made; n is the new N. */
export function editStatus(edit: SaidEdit, n: number): string {
  const what = edit.action === 'add' ? `Added a point of class ${edit.t}.` : 'Removed the nearest point.';
  return `${what} N = ${formatCount(n)}; training continues from the current weights.`;
}

/** After a step(n) that something stopped before its end. */
export function stoppedStatus(taken: number, asked: number, why: string): string {
  return `Stopped after ${formatCount(taken)} of the ${formatCount(asked)} steps asked for: ${why}.`;
}

/** After data named `name` (a file, a paste, a shared link) replaced the old. */
export function loadedStatus(name: string): string {
  return `Loaded ${name}.`;
}

/** After a model file was loaded: its weights at its iteration. */
export function modelLoadedStatus(iteration: number): string {
  return `Loaded the model at iteration ${formatCount(iteration)}.`;
}

/** Why a click removed nothing: the data are down to `fewest` points. */
export function tooFewToRemove(fewest: number): string {
  return `${fewest} points are the fewest this playground trains on.`;
}

/** Why a click removed nothing: the nearest point is the last of its class. */
export function lastOfClass(t: number): string {
  return `That is the last point of class t = ${t}: both classes are needed.`;
}

/**
 * Why a step(n) stopped before its end: the end of stoppedStatus's sentence
 * (and a step's outcome names it so).
 */
export const STOPPED_BY = {
  /** Other data were asked for. */
  newData: 'new data',
  /** The model or w(0) changed: the run starts over. */
  restarted: 'the model or its start changed',
  /** A model file was loaded. */
  modelLoaded: 'a model was loaded',
  /** Reset was pressed. */
  reset: 'reset',
  /** Play was paused. */
  paused: 'paused',
  /** The run diverged on the way. */
  diverged: 'it diverged',
  /** The element went away (the controller was destroyed). */
  destroyed: 'the playground went away',
} as const;

/** Why a run stopped: a weight passed `limit`. */
export function weightLimitStop(limit: number): string {
  return `a weight passed ${limit.toExponential(0)} (reset to go on)`;
}

/**
 * Why a run stopped: Newton's method refused a step on a singular Hessian, and what helps (λ > 0 adds λI to
 * it). Short, as the status line is: the engine's own words, with the pivot, are in TrainResult.refused.
 */
export const REFUSED_STOP = 'Newton refused a step: singular Hessian (try L2 λ > 0)';

/** Why a run stopped: the iteration count reached `limit`. */
export function iterationLimitStop(limit: number): string {
  return `the iteration count reached its limit, ${formatCount(limit)} (reset to go on)`;
}

/** What an undo or a redo calls choosing a preset (the data it draws replace the old). */
export function presetStep(preset: string): string {
  return `choose the ${preset} preset`;
}

/** What an undo or a redo calls a new draw of the Gaussians. */
export const NEW_GAUSSIANS_STEP = 'draw new Gaussians';

/** What an undo or a redo calls loading data named `name`. */
export function importStep(name: string): string {
  return `import ${name}`;
}

/** What the messages call data that came without a file's name. */
export const SOURCE = {
  /** Data a shared link carried. */
  sharedLink: 'a shared link',
  /** Text pasted from the clipboard. */
  pasted: 'the pasted text',
  /** Text dropped on the scatter. */
  dropped: 'the dropped text',
  /** Text handed to an element's loadCsv() without a name. */
  csvText: 'CSV text',
  /** Text handed to the controller's loadCsv() without a name. */
  csv: 'CSV',
} as const;

/** Whether a link carries custom data (`fits`; `max`: the most points a link carries). */
export function dataLinkNote(fits: boolean, max: number): string {
  return fits
    ? 'A copied link carries them.'
    : `Too many for a link (at most ${formatCount(max)} points travel in one): export them as CSV to share them.`;
}

/** The note on n points loaded from `source` (a file's name, SOURCE.sharedLink…), then its dataLinkNote. */
export function importedNote(source: string, n: number, linkNote: string): string {
  return `From ${source}: ${countOf(n, 'point')}. ${linkNote}`;
}

/** The note on data edited by clicks, now n points, then its dataLinkNote. */
export function editedNote(n: number, linkNote: string): string {
  return `Edited by hand: ${countOf(n, 'point')}. ${linkNote}`;
}

/** Said when a copied link carries the settings but not these n custom points (at most `max` travel in one). */
export function linkMissesData(n: number, max: number): string {
  return `The link carries the settings but not these ${formatCount(n)} points: at most ${formatCount(max)} travel in a link. Export the data as CSV to share them.`;
}

/** Said when a link was copied. */
export const LINK_COPIED = 'Link copied: it opens these settings and these data, at w(0).';

/** Said when the clipboard refused a link, after what it misses ('' when nothing). */
export function copyByHand(missing: string): string {
  return `${missing ? `${missing} ` : ''}Copy the link by hand from the field beside Share (the clipboard is not available here).`;
}

/** A notice: a link's `key=value` names no setting of the page. */
export function linkUnknownSetting(key: string, value: string): string {
  return `The link's ${quote(`${key}=${value}`)} is not a setting of this page; it was ignored.`;
}

/** A notice: a link's `key=value` was refused, `why`. */
export function linkValueIgnored(key: string, value: string, why: string): string {
  return `The link's ${quote(`${key}=${value}`)} was ignored (${why}); the default is used.`;
}

/** A notice: a link carries its own data, so the data settings it names as well (each `key=value`) were ignored. */
export function linkDataSettingsIgnored(pairs: readonly string[]): string {
  const were = pairs.length === 1 ? 'was' : 'were';
  return `The link carries its own data: its ${pairs.map((p) => quote(p)).join(', ')} ${were} ignored (they describe other data).`;
}

/** A notice: a link's data could not be read, `why`. */
export function linkDataUnreadable(why: string): string {
  return `The link's data could not be read (${why}); the preset's data are shown.`;
}

/** A notice: an attribute's value was refused, `why`. */
export function attributeIgnored(name: string, text: string, why: string): string {
  return `${name}=${quote(text)} was ignored: ${why}.`;
}

/** A notice: the `engine` attribute names none of `choices`, so `fallback` is used. */
export function engineAttributeIgnored(text: string, choices: readonly string[], fallback: string): string {
  return `engine=${quote(text)} is not one of ${choices.join(', ')}; using "${fallback}".`;
}

/** A notice: the model loaded was trained on other data than these n points. */
export function modelMismatchNotice(trained: number, n: number): string {
  return `The model loaded was trained on N = ${countOf(trained, 'point')}; these data have N = ${formatCount(n)}: its cost and accuracy here differ from its file's.`;
}

/** What a model file says about having its data again (written into the file, for whoever opens it). */
export const RESTORE = {
  tutorial: "The tutorial's 40 points: the settings draw them again.",
  custom:
    'Not in this file: these points came from a file, a link or edits. Load their CSV first (Export ▾ → Data (CSV) saved it), then this model: new data start again from w(0).',
} as const;

/** What a model file says about having a drawn preset's data (named as the preset list names it) again. */
export function restoreDrawn(preset: string, seed: number): string {
  return `${preset}, drawn again point for point from the settings (seed ${seed}).`;
}

/** Long work under way: drawing n points of a preset. */
export function drawingLabel(n: number): string {
  return `Drawing ${formatCount(n)} points`;
}

/** Long work under way: loading n points onto the engine (`engine`: "cpu" or "gpu"). */
export function loadingLabel(n: number, engine: string): string {
  return `Loading ${countOf(n, 'point')} onto the ${engine.toUpperCase()}`;
}

/** Long work under way: a step(n) of n steps. */
export function takingLabel(n: number): string {
  return `Taking ${formatCount(n)} steps`;
}

/** Said while n requests wait behind long work. */
export function waitingLabel(n: number): string {
  return `Working… ${countOf(n, 'request')} under way`;
}

/** Under the notices shown: how many more there are. */
export function moreNotices(n: number): string {
  return `…and ${countOf(n, 'more notice')}.`;
}

/** The page's error: a WebGPU error nobody caught. */
export function webGpuError(message: string): string {
  return `WebGPU error: ${message}`;
}

/** A notice: the GPU device was lost, `reason`, and replaced. */
export function deviceReplaced(reason: string): string {
  return `The GPU device was lost (${reason}) and has been replaced; the data and weights were restored.`;
}

/** A notice: a GPU operation failed, `reason`, and the engine was rebuilt. */
export function gpuRebuilt(reason: string): string {
  return `A GPU operation failed (${reason}); the GPU engine was rebuilt and the data and weights were restored.`;
}

/** Why the page computes on the CPU (the engine badge's detail): the engine attribute asked for it. */
export const CPU_CHOSEN = 'chosen with engine="cpu"';

/** Why the page computes on the CPU: the WebGPU engine failed to start, `why`. */
export function gpuStartFailed(why: string): string {
  return `the WebGPU engine failed to start: ${why}`;
}

/** The adapter note until WebGPU has answered. */
export const LOOKING_FOR_ADAPTER = 'Looking for a WebGPU adapter…';

/** The page's error: the playground could not start, `why`. */
export function startFailed(why: string): string {
  return `The playground could not start: ${why}`;
}

/** The page's error: a file the user chose (`name`) was refused, `why`. */
export function couldNotLoad(name: string, why: string): string {
  return `Could not load ${name}: ${why}`;
}

/** The import's error: the file `name` could not be read, `why`. */
export function couldNotRead(name: string, why: string): string {
  return `Could not read ${name}: ${why}`;
}

/** Said when the user cancelled a CSV import. */
export const IMPORT_CANCELLED = 'Import cancelled; the data are unchanged.';

/** A note: there is no such plot (`name`) on the page to export. */
export function noFigure(name: string): string {
  return `There is no ${name} on this page to export.`;
}

/** A note: exporting the plot `name` failed, `why`. */
export function exportFailed(name: string, why: string): string {
  return `Could not export the ${name}: ${why}`;
}

/** A note: the file chosen as a model, `name`, is not JSON (`why`, the parser's words on one line: they may quote the file's). */
export function notAModelFile(name: string, why: string): string {
  return `${name} is not a model file (not JSON: ${why.replace(/\s+/g, ' ').trim()}).`;
}

/** Said (the pace line) while Play runs as fast as possible: `achieved` steps a second on n points. */
export function fastestPaceStatus(achieved: number, n: number): string {
  return `As fast as possible: ${formatCount(Math.round(achieved))} steps/s on ${formatCount(n)} points.`;
}

/** Said (the pace line) while Play keeps `achieved` steps a second of the `requested` pace on n points. */
export function paceStatus(achieved: number, requested: number, n: number): string {
  return (
    `Playing ${achieved.toFixed(1)} steps/s, not the ${requested} asked for: ` +
    `this engine cannot take steps that fast on ${formatCount(n)} points.`
  );
}

// What to change when η is too large. src/session/divergence.ts (rateAdvice) decides the rate and whether
// the mean cost is advice too; these say it.

/** What the advice below says: η now, the η to try, and whether to switch the summed cost to the mean. */
export interface SaidRateAdvice {
  readonly eta: number;
  /** Rounded already (two digits, never below the smallest η). */
  readonly rate: number;
  readonly mean: boolean;
}

/**
 * Advice before the first step, while η is above `advice.rate`, the largest
 * step sure to lower the cost of these n points; `summed` for the summed cost.
 */
export function stepAdviceText(advice: SaidRateAdvice, n: number, summed: boolean): string {
  const limit = formatLimit(advice.rate);
  const head = `η = ${advice.eta} is above ${limit}, the largest step sure to lower the cost of these ${formatCount(n)} points`;
  if (!summed) return `${head}; the cost may rise or oscillate. Try η ≤ ${limit}.`;
  return `${head}: the summed gradient grows with N, so the first steps may overshoot and diverge. ${
    advice.mean ? 'Use the mean cost (its gradient is N times smaller), or ' : 'Use '
  }η ≤ ${limit}.`;
}

/** Why a run stopped on its own (src/session/divergence.ts tells which). */
export type DivergenceCause =
  | { readonly kind: 'overflow'; readonly iteration: number }
  | { readonly kind: 'weights'; readonly iteration: number; readonly limit: number }
  | { readonly kind: 'cost'; readonly iteration: number; readonly lowest: number; readonly latest: number };

/** What to do after a divergence: a lower η, and the mean cost when it is advice too (n points). */
function afterDivergence(advice: SaidRateAdvice, n: number): string {
  const lower = `lower the learning rate (η = ${advice.eta} now; try ${formatLimit(advice.rate)})`;
  return advice.mean
    ? `${lower}, or switch the cost to "mean": a summed gradient over ${formatCount(n)} points makes each step ${formatCount(n)} times larger`
    : lower;
}

/** Said when training stopped on its own: what went wrong, then what to change. */
export function divergenceText(cause: DivergenceCause, advice: SaidRateAdvice, n: number): string {
  const then = `Reset, then ${afterDivergence(advice, n)}.`;
  switch (cause.kind) {
    case 'overflow':
      return `Training diverged at iteration ${cause.iteration}: the numbers overflowed. ${then}`;
    case 'weights':
      return `Training diverged at iteration ${cause.iteration}: the weights passed ${cause.limit.toExponential(0)}. ${then}`;
    case 'cost':
      return (
        `Training is diverging: the cost rose from ${cause.lowest.toPrecision(3)} to ${cause.latest.toPrecision(3)} ` +
        `by iteration ${cause.iteration}. ${then}`
      );
  }
}
