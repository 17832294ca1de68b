/**
 * What `npm run mutation` mutates, one group at a time, and which unit tests
 * may catch each group's mutants: the folder's own tests, so a mutant of a
 * rule counts as caught only when the rule's own tests notice it (a test
 * three layers up that happens to fail does not make the rule tested), and
 * a run takes minutes.
 */
export interface MutationGroup {
  /** The name given on the command line (`npm run mutation -- model`) and in the report. */
  readonly name: string;
  /** What it covers, for the printout and the README. */
  readonly title: string;
  /** Stryker `mutate` globs. */
  readonly mutate: readonly string[];
  /** The unit test files that run against the mutants. */
  readonly tests: readonly string[];
  /** The least score (0 to 1, uncovered mutants counted as survivors) the group must reach; none: reported only. */
  readonly target?: number;
}

export const MUTATION_GROUPS: readonly MutationGroup[] = [
  {
    name: 'model',
    title: 'src/model: the logistic maths, data, CSV',
    mutate: ['src/model/**/*.ts', '!src/model/**/*.test.ts'],
    tests: ['src/model/**/*.test.ts'],
    target: 0.9,
  },
  {
    name: 'settings',
    title: 'settings, link, model file, undo, divergence',
    mutate: [
      'src/settings/**/*.ts',
      '!src/settings/**/*.test.ts',
      'src/data/undo-stack.ts',
      'src/session/divergence.ts',
      'src/session/model-file.ts',
    ],
    tests: [
      'src/settings/**/*.test.ts',
      'src/data/undo-stack.test.ts',
      'src/session/divergence.test.ts',
      'src/session/model-file.test.ts',
    ],
    target: 0.9,
  },
  {
    name: 'cpu-engine',
    title: 'src/engine/cpu-engine.ts: the CPU engine',
    mutate: ['src/engine/cpu-engine.ts'],
    // The optimisers' trajectories are the tests of its step rule (the scikit-learn one only repeats them).
    tests: ['src/engine/cpu-engine.test.ts', 'src/engine/cpu-optimizers.test.ts'],
  },
];

/** The environment variable that hands a group's test files to `vitest.mutation.config.ts` in Stryker's workers. */
export const MUTATION_TESTS_VARIABLE = 'LP_MUTATION_TESTS';
