/**
 * `npm run mutation [group…] [--only <file>…]`: Stryker mutates each group of scripts/mutation-groups.ts
 * in turn, runs the group's own unit tests against every mutant (per-test
 * coverage, two workers), prints the score per file and per group, and writes
 * each group's JSON report under reports/mutation/. It fails when a group
 * misses its target. Too slow for `npm test`; the README keeps the last scores.
 * `--only` mutates just the files named (with the group's tests): the quick
 * loop while writing tests for one file; its report is <group>-only.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_GROUPS, MUTATION_TESTS_VARIABLE, type MutationGroup } from './mutation-groups.ts';
import { type FileScore, scoreByFile, scoreLines, scoreOf, verdict } from './mutation-score.ts';

export const REPORT_DIRECTORY = 'reports/mutation';

function strykerOptions(group: MutationGroup, only: readonly string[]): PartialStrykerOptions {
  const partial = only.length > 0;
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    mutate: partial ? [...only] : [...group.mutate],
    coverageAnalysis: 'perTest',
    concurrency: 2,
    // Stryker rewrites tsconfig.json through the TypeScript JS API, which TypeScript 7 (the native
    // compiler) no longer has; our tsconfig points nowhere outside the sandbox, so there is nothing to
    // rewrite: a name it cannot find makes it skip the step.
    tsconfigFile: 'stryker-has-no-tsconfig.json',
    // No type checker runs (Vitest strips types), so there is nothing to silence.
    disableTypeChecks: false,
    ignorePatterns: [
      'dist',
      'test-results',
      'playwright-report',
      'reports',
      'e2e/screenshots',
      '.scratch',
      'dist-bench',
    ],
    reporters: ['json', 'progress'],
    // A partial run's report goes apart, so it never passes for the group's.
    jsonReporter: { fileName: `${REPORT_DIRECTORY}/${group.name}${partial ? '-only' : ''}.json` },
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
  };
}

async function mutate(group: MutationGroup, only: readonly string[]): Promise<MutantResult[]> {
  process.env[MUTATION_TESTS_VARIABLE] = JSON.stringify(group.tests);
  return new Stryker(strykerOptions(group, only)).runMutationTest();
}

/** The group names and the files after `--only`. */
export function parseArguments(args: readonly string[]): { names: string[]; only: string[] } {
  const at = args.indexOf('--only');
  if (at < 0) return { names: [...args], only: [] };
  return { names: args.slice(0, at), only: args.slice(at + 1) };
}

function chosenGroups(names: readonly string[]): MutationGroup[] {
  if (names.length === 0) return [...MUTATION_GROUPS];
  const unknown = names.filter((name) => !MUTATION_GROUPS.some((group) => group.name === name));
  if (unknown.length > 0) {
    const known = MUTATION_GROUPS.map((group) => group.name).join(', ');
    throw new Error(`No mutation group called ${unknown.join(', ')}: the groups are ${known}.`);
  }
  return MUTATION_GROUPS.filter((group) => names.includes(group.name));
}

async function main(args: readonly string[]): Promise<boolean> {
  const { names, only } = parseArguments(args);
  if (only.length > 0 && names.length !== 1)
    throw new Error('--only takes the files of one group: name the group first.');
  mkdirSync(REPORT_DIRECTORY, { recursive: true });
  const summaries: string[] = [];
  let met = true;
  for (const group of chosenGroups(names)) {
    const results = await mutate(group, only);
    const files: FileScore[] = scoreByFile(results);
    const whole = scoreOf(results);
    met &&= verdict(group, whole, only.length > 0) !== 'missed';
    const lines = scoreLines(group, files, whole, only.length > 0);
    console.log(`\n${lines.join('\n')}`);
    summaries.push(lines[lines.length - 1] ?? '');
    writeFileSync(
      `${REPORT_DIRECTORY}/${group.name}-scores.json`,
      `${JSON.stringify({ group: group.name, whole, files }, null, 2)}\n`,
    );
  }
  console.log(`\nnpm run mutation:\n${summaries.join('\n')}`);
  return met;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (met) => {
      process.exitCode = met ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
