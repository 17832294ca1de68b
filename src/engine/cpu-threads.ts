/**
 * How many workers the CPU engine splits a full pass over: none for small
 * data, where a message costs more than the pass, and one a core (up to
 * MAX_CPU_WORKERS) from WORKER_MIN_N samples on. A number forces that many
 * at any size (0: the main thread alone), for tests and the benchmark.
 */

/** 'auto', or a number of workers at any size. */
export type ThreadChoice = 'auto' | number;

/**
 * Below this many samples the main thread keeps the pass: at 2¹⁵ a pass is
 * about 1 ms on one core here, and a round trip to the workers 0.05–0.2 ms.
 */
export const WORKER_MIN_N = 1 << 15;

/** More workers than this only add messages: the pass is bound by memory well before. */
export const MAX_CPU_WORKERS = 4;

/** The workers for a pass over n samples: 0 means the main thread. */
export function workersFor(choice: ThreadChoice, n: number, cores: number, haveWorkers: boolean): number {
  if (!haveWorkers) return 0;
  if (choice !== 'auto') return choice;
  if (n < WORKER_MIN_N || cores < 2) return 0;
  return Math.min(cores, MAX_CPU_WORKERS);
}

/** Throws on a thread count that is not a whole number from 0 up: a caller's mistake. */
export function checkThreads(choice: ThreadChoice): void {
  if (choice !== 'auto' && !(Number.isInteger(choice) && choice >= 0 && choice <= 64)) {
    throw new RangeError(`threads must be 'auto' or a whole number from 0 to 64, got ${choice}`);
  }
}
