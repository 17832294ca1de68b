import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAILED_TAIL_LINES, runStages, STAGES, summary, TailBuffer } from './run-stages';

describe('npm test', () => {
  it('runs every stage after a failure, and says which failed', async () => {
    const ran: string[] = [];
    const results = await runStages(STAGES, async (stage) => {
      ran.push(stage);
      return { ok: stage !== 'test:unit', tail: `${stage} said this\n` };
    });
    expect(ran).toEqual([...STAGES]);
    const text = summary(results);
    expect(text).toContain('FAILED  test:unit');
    expect(text).toContain('passed  test:e2e');
    expect(text.split('\n').at(-1)).toBe('npm test: failed: test:unit');
    const passed = await runStages(['lint'], async () => ({ ok: true, tail: 'lint said this' }));
    expect(summary(passed).split('\n').at(-1)).toBe('npm test: every stage passed');
  });

  it("prints a failed stage's last lines again above the summary, and only a failed stage's", async () => {
    const results = await runStages(['lint', 'test:e2e'], async (stage) =>
      stage === 'lint'
        ? { ok: true, tail: 'all clean\n' }
        : { ok: false, tail: '  1 failed\n    [app] › a.spec.ts:3\n' },
    );
    const text = summary(results);
    expect(text).not.toContain('all clean');
    const lines = text.split('\n');
    const heading = lines.indexOf('── the last lines of test:e2e, which failed ──');
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(lines.slice(heading + 1, heading + 3)).toEqual(['  1 failed', '    [app] › a.spec.ts:3']);
    expect(heading).toBeLessThan(lines.indexOf('npm test:'));
  });

  it('keeps the last lines of output however it comes in pieces', () => {
    const tail = new TailBuffer(3);
    for (const piece of ['one\ntw', 'o\nthree\n', 'fo', 'ur\nfive\n']) tail.push(piece);
    expect(tail.toString()).toBe('three\nfour\nfive\n');
    const long = new TailBuffer(FAILED_TAIL_LINES);
    long.push(`${Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n')}\n`);
    expect(long.toString().split('\n').filter(Boolean)).toHaveLength(FAILED_TAIL_LINES);
    expect(long.toString()).toMatch(/line 499\n$/);
  });

  it('is what package.json runs, and each stage is one of its scripts', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toBe('tsx scripts/run-stages.ts');
    for (const stage of STAGES) expect(scripts[stage], stage).toBeDefined();
  });
});
