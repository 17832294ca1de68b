import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStages, STAGES, summary } from './run-stages';

describe('npm test', () => {
  it('runs every stage after a failure, and says which failed', () => {
    const ran: string[] = [];
    const results = runStages(STAGES, (stage) => {
      ran.push(stage);
      return stage !== 'test:unit';
    });
    expect(ran).toEqual([...STAGES]);
    const text = summary(results);
    expect(text).toContain('FAILED  test:unit');
    expect(text).toContain('passed  test:e2e');
    expect(text.split('\n').at(-1)).toBe('npm test: failed: test:unit');
    expect(
      summary(runStages(['lint'], () => true))
        .split('\n')
        .at(-1),
    ).toBe('npm test: every stage passed');
  });

  it('is what package.json runs, and each stage is one of its scripts', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toBe('tsx scripts/run-stages.ts');
    for (const stage of STAGES) expect(scripts[stage], stage).toBeDefined();
  });
});
