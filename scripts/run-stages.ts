/**
 * `npm test`: every stage in order (type check, lint, the layers' direction, unit tests, the element
 * manifest, end-to-end tests, the benchmark's smoke run), each run whatever
 * the ones before it did, then one summary; it fails if any stage failed.
 * One flaky stage must not hide what the others would have said.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The npm scripts `npm test` runs, in this order. */
export const STAGES = ['typecheck', 'lint', 'depcheck', 'test:unit', 'manifest', 'test:e2e', 'bench:smoke'] as const;

export interface StageResult {
  readonly stage: string;
  readonly ok: boolean;
  readonly seconds: number;
}

/** Runs every stage (`run` says whether it passed), never stopping early. */
export function runStages(
  stages: readonly string[],
  run: (stage: string) => boolean,
  now: () => number = () => performance.now(),
): StageResult[] {
  return stages.map((stage) => {
    const started = now();
    const ok = run(stage);
    return { stage, ok, seconds: (now() - started) / 1000 };
  });
}

/** The lines printed at the end: each stage, passed or failed, and the verdict. */
export function summary(results: readonly StageResult[]): string {
  const failed = results.filter((r) => !r.ok).map((r) => r.stage);
  const lines = results.map((r) => `  ${r.ok ? 'passed' : 'FAILED'}  ${r.stage} (${r.seconds.toFixed(0)} s)`);
  const verdict = failed.length === 0 ? 'every stage passed' : `failed: ${failed.join(', ')}`;
  return ['npm test:', ...lines, `npm test: ${verdict}`].join('\n');
}

function npmRun(stage: string): boolean {
  console.log(`\n== npm run ${stage}`);
  return spawnSync('npm', ['run', stage], { stdio: 'inherit' }).status === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = runStages(STAGES, npmRun);
  console.log(`\n${summary(results)}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
