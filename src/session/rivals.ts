/**
 * The racers beside the model in a race (racer 0 is the model, which the
 * session runs as ever): where each stands, its optimiser's state, its
 * history, how it measures where it stands, and why it stopped if it did.
 * They step in the model's train calls (TrainExtras.race), so they share its
 * batches; a racer that is refused a step or leaves the weight limit stops
 * there while the others go on.
 */
import type { KeptStep, RaceEntry, RacerResult, Snapshot } from '../contract/engine';
import type { OptimizerState } from '../model/optimizers';
import type { Racer } from '../model/race';
import type { Reduction } from '../model/regression';
import { type Params, reducedCost } from '../model/regression';
import { REFUSED_STOP } from '../text/messages';
import { History, type HistoryEntry, type Measure } from './history';
import { LIMIT_STOPS } from './run-limits';

/** A racer beside the model, as a run publishes it. */
export interface RivalState {
  readonly racer: Racer;
  readonly iteration: number;
  readonly params: Params;
  /** The cost where it stands, under the reduction, its mean, and the share classified right. */
  readonly cost: number;
  readonly meanCost: number;
  readonly accuracy: number;
  readonly history: readonly HistoryEntry[];
  /** Why it stopped while the race went on (a refused step, the weight limit). */
  readonly stopped?: string;
}

interface Rival {
  readonly racer: Racer;
  readonly history: History;
  iteration: number;
  params: Params;
  optimizer: OptimizerState | undefined;
  cost: number;
  meanCost: number;
  accuracy: number;
  stopped?: string;
}

/** What a chunk's kept steps (TrainExtras.keep) add to a history, from iteration `first`. */
export function keptEntries(first: number, kept: readonly KeptStep[], measuredOn: Measure): HistoryEntry[] {
  return kept.map((k) => ({
    iteration: first + k.step,
    params: k.params,
    loss: k.loss,
    accuracy: k.accuracy,
    measuredOn,
  }));
}

export class Rivals {
  private list: Rival[] = [];

  /** Every racer but the model at `start` (the model's w(0), measured as `start`), state zero: a new race. */
  reset(race: readonly Racer[], start: HistoryEntry, evaluation: Snapshot, reduction: Reduction): void {
    this.list = race.slice(1).map((racer) => {
      const history = new History();
      history.reset(start);
      return {
        racer,
        history,
        iteration: start.iteration,
        params: start.params,
        optimizer: undefined,
        cost: reducedCost(evaluation, reduction),
        meanCost: evaluation.meanCost,
        accuracy: start.accuracy,
      };
    });
  }

  get count(): number {
    return this.list.length;
  }

  /** What the next train call steps beside the model: the racers still going, in race order. */
  entries(): RaceEntry[] {
    return this.going().map((r) => ({
      params: r.params,
      racer: r.racer,
      keep: r.history.keepingFrom(r.iteration),
      ...(r.optimizer ? { optimizer: r.optimizer } : {}),
    }));
  }

  /** Takes in what the racers of `entries()` did, in that order; `accuracyOf` turns a snapshot into a share. */
  record(
    results: readonly RacerResult[],
    measuredOn: Measure,
    reduction: Reduction,
    accuracyOf: (s: Snapshot) => number,
  ): void {
    this.going().forEach((rival, k) => {
      const result = results[k];
      if (!result) return;
      const first = rival.iteration;
      const entries = keptEntries(first, result.kept ?? [], measuredOn);
      if (result.limited) rival.stopped = LIMIT_STOPS.weights;
      else if (result.refused !== undefined) rival.stopped = REFUSED_STOP;
      if (result.taken > 0) {
        // The engine measured it where it ended (or stopped), on all the data.
        rival.cost = reducedCost(result.final, reduction);
        rival.meanCost = result.final.meanCost;
        rival.accuracy = accuracyOf(result.final);
        rival.optimizer = result.optimizer;
        rival.params = result.final.params;
        rival.iteration = first + result.taken;
        entries.push({
          iteration: rival.iteration,
          params: rival.params,
          loss: rival.cost,
          accuracy: rival.accuracy,
          measuredOn: 'all',
        });
      }
      rival.history.append(entries);
    });
  }

  /** The racers as a run publishes them. */
  states(): RivalState[] {
    return this.list.map((r) => ({
      racer: r.racer,
      iteration: r.iteration,
      params: r.params,
      cost: r.cost,
      meanCost: r.meanCost,
      accuracy: r.accuracy,
      history: r.history.entries,
      ...(r.stopped ? { stopped: r.stopped } : {}),
    }));
  }

  private going(): Rival[] {
    return this.list.filter((r) => r.stopped === undefined);
  }
}
