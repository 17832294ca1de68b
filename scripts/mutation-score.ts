/**
 * Mutation scores from Stryker's results, the way the README reports them:
 * a mutant counts as caught when a test failed (or ran out of time) with it
 * in place; one no test runs counts as a survivor; one excluded as equivalent
 * counts for nothing either way.
 */
import { relative } from 'node:path';
import type { MutantResult } from '@stryker-mutator/api/core';
import type { MutationGroup } from './mutation-groups.ts';

export interface Score {
  readonly mutants: number;
  readonly caught: number;
  readonly survived: number;
  readonly uncovered: number;
  readonly excluded: number;
  /** caught / (caught + survived + uncovered); 1 when there is nothing to catch. */
  readonly score: number;
  /** caught / (caught + survived): the score on code some test runs. */
  readonly coveredScore: number;
}

export interface FileScore extends Score {
  readonly file: string;
  /** Each survivor and uncovered mutant, `line:column Mutator → replacement`. */
  readonly missed: readonly string[];
  /** Each mutant excluded as equivalent, `line:column Mutator: reason`. */
  readonly equivalent: readonly string[];
}

type Result = Pick<MutantResult, 'status'> &
  Partial<Pick<MutantResult, 'fileName' | 'location' | 'mutatorName' | 'replacement' | 'statusReason'>>;

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function scoreOf(results: readonly Result[]): Score {
  const count = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  const caught = count('Killed', 'Timeout');
  const survived = count('Survived');
  const uncovered = count('NoCoverage');
  const excluded = count('Ignored');
  return {
    mutants: results.length,
    caught,
    survived,
    uncovered,
    excluded,
    score: ratio(caught, caught + survived + uncovered),
    coveredScore: ratio(caught, caught + survived),
  };
}

function byPlace(a: Result, b: Result): number {
  const [p, q] = [a.location?.start, b.location?.start];
  return (p?.line ?? 0) - (q?.line ?? 0) || (p?.column ?? 0) - (q?.column ?? 0);
}

function where(result: Result): string {
  const start = result.location?.start;
  return start === undefined ? '?' : `${start.line}:${start.column + 1}`;
}

/** The score of each file, in file order. */
export function scoreByFile(results: readonly Result[]): FileScore[] {
  const byFile = new Map<string, Result[]>();
  for (const result of results) {
    const file = result.fileName === undefined ? '?' : relative(process.cwd(), result.fileName);
    const own = byFile.get(file) ?? [];
    own.push(result);
    byFile.set(file, own);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, own]) => [file, own.sort(byPlace)] as const)
    .map(([file, own]) => ({
      file,
      ...scoreOf(own),
      missed: own
        .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
        .map(
          (r) =>
            `${where(r)} ${r.mutatorName} → ${oneLine(r.replacement ?? '')}${r.status === 'NoCoverage' ? ' (no test runs it)' : ''}`,
        ),
      equivalent: own
        .filter((r) => r.status === 'Ignored')
        .map((r) => `${where(r)} ${r.mutatorName}: ${r.statusReason ?? ''}`),
    }));
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export function percent(score: number): string {
  return `${(100 * score).toFixed(1)} %`;
}

/** Whether a group met its target; a run of some of its files (`--only`) is judged against none. */
export function verdict(group: MutationGroup, whole: Score, partial: boolean): 'met' | 'missed' | 'none' {
  if (partial || group.target === undefined) return 'none';
  return whole.score >= group.target ? 'met' : 'missed';
}

/** The printout of one group: a line per file with what it missed, then the group's line (last). */
export function scoreLines(group: MutationGroup, files: readonly FileScore[], whole: Score, partial = false): string[] {
  const lines = [`${group.name}: ${group.title}`];
  for (const file of files) {
    lines.push(
      `  ${percent(file.score).padStart(7)}  ${file.file}  (${file.caught} of ${file.caught + file.survived + file.uncovered} caught, ${file.excluded} equivalent)`,
    );
    for (const missed of file.missed) lines.push(`             missed ${missed}`);
    for (const equivalent of file.equivalent) lines.push(`             equivalent ${equivalent}`);
  }
  const judged = verdict(group, whole, partial);
  const target =
    group.target === undefined
      ? 'reported only'
      : partial
        ? 'some files only: no target'
        : `target ${percent(group.target)}: ${judged === 'met' ? 'met' : 'MISSED'}`;
  lines.push(
    `${group.name}: ${percent(whole.score)} of ${whole.mutants - whole.excluded} mutants caught (${percent(whole.coveredScore)} on covered code, ${whole.uncovered} uncovered, ${whole.excluded} equivalent excluded; ${target})`,
  );
  return lines;
}
