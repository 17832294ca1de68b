/**
 * `npm test`: every stage in order (type check, lint, the layers' direction, unit tests, the element
 * manifest, end-to-end tests, the benchmark's smoke run), each run whatever
 * the ones before it did, then one summary; it fails if any stage failed.
 * One flaky stage must not hide what the others would have said, and what a
 * failed stage said last (which tests failed, and why) is printed again just
 * above the summary: a CI log shown by its tail still names them.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The npm scripts `npm test` runs, in this order. */
export const STAGES = ['typecheck', 'lint', 'depcheck', 'test:unit', 'manifest', 'test:e2e', 'bench:smoke'] as const;

/** Lines of a failed stage's output printed again above the summary: Playwright's list of failures fits. */
export const FAILED_TAIL_LINES = 60;

export interface StageRun {
  readonly ok: boolean;
  /** The stage's last lines of output (stdout and stderr as they came). */
  readonly tail: string;
}

export interface StageResult extends StageRun {
  readonly stage: string;
  readonly seconds: number;
}

/** Runs every stage (`run` says whether it passed), never stopping early. */
export async function runStages(
  stages: readonly string[],
  run: (stage: string) => Promise<StageRun>,
  now: () => number = () => performance.now(),
): Promise<StageResult[]> {
  const results: StageResult[] = [];
  for (const stage of stages) {
    const started = now();
    const { ok, tail } = await run(stage);
    results.push({ stage, ok, tail, seconds: (now() - started) / 1000 });
  }
  return results;
}

/** The last `lines` lines of a stream's text, kept as it comes in pieces. */
export class TailBuffer {
  private text = '';

  constructor(private readonly lines: number) {}

  push(piece: string): void {
    this.text = lastLines(this.text + piece, this.lines);
  }

  toString(): string {
    return this.text;
  }
}

function lastLines(text: string, count: number): string {
  // A trailing newline ends the last line; it does not start another.
  const lines = text.split('\n');
  const ended = lines.at(-1) === '';
  const kept = lines.slice(ended ? -count - 1 : -count);
  return kept.join('\n');
}

/**
 * The lines printed at the end: the tail of each failed stage's output, then
 * each stage, passed or failed, and the verdict.
 */
export function summary(results: readonly StageResult[]): string {
  const failed = results.filter((r) => !r.ok);
  const tails = failed.flatMap((r) => [
    `── the last lines of ${r.stage}, which failed ──`,
    r.tail.trimEnd() || '(it printed nothing)',
    '',
  ]);
  const lines = results.map((r) => `  ${r.ok ? 'passed' : 'FAILED'}  ${r.stage} (${r.seconds.toFixed(0)} s)`);
  const verdict = failed.length === 0 ? 'every stage passed' : `failed: ${failed.map((r) => r.stage).join(', ')}`;
  return [...tails, 'npm test:', ...lines, `npm test: ${verdict}`].join('\n');
}

/** Runs one npm script, its output passed through as it comes and its tail kept. */
function npmRun(stage: string): Promise<StageRun> {
  console.log(`\n== npm run ${stage}`);
  const tail = new TailBuffer(FAILED_TAIL_LINES);
  const child = spawn('npm', ['run', stage], { stdio: ['inherit', 'pipe', 'pipe'] });
  const pass = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    to.write(chunk);
    tail.push(chunk.toString('utf8'));
  };
  child.stdout.on('data', pass(process.stdout));
  child.stderr.on('data', pass(process.stderr));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      tail.push(`\n${error.message}\n`);
      resolve({ ok: false, tail: tail.toString() });
    });
    child.on('close', (code) => resolve({ ok: code === 0, tail: tail.toString() }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await runStages(STAGES, npmRun);
  console.log(`\n${summary(results)}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
