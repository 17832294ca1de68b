/**
 * The mutation score as the README reports it: caught over caught, survived
 * and uncovered; equivalent mutants out of the count; a partial run judged
 * against no target.
 */
import { describe, expect, it } from 'vitest';
import { parseArguments } from './mutation';
import { MUTATION_GROUPS, type MutationGroup } from './mutation-groups';
import { percent, scoreByFile, scoreLines, scoreOf, verdict } from './mutation-score';

const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 1 } });

const RESULTS = [
  {
    status: 'Killed',
    fileName: `${process.cwd()}/src/b.ts`,
    location: at(3, 0),
    mutatorName: 'EqualityOperator',
    replacement: 'a <= b',
  },
  {
    status: 'Timeout',
    fileName: `${process.cwd()}/src/b.ts`,
    location: at(1, 4),
    mutatorName: 'UpdateOperator',
    replacement: 'i--',
  },
  {
    status: 'Survived',
    fileName: `${process.cwd()}/src/b.ts`,
    location: at(9, 2),
    mutatorName: 'StringLiteral',
    replacement: '""',
  },
  {
    status: 'Survived',
    fileName: `${process.cwd()}/src/b.ts`,
    location: at(2, 7),
    mutatorName: 'BooleanLiteral',
    replacement: 'false',
  },
  {
    status: 'NoCoverage',
    fileName: `${process.cwd()}/src/a.ts`,
    location: at(5, 0),
    mutatorName: 'BlockStatement',
    replacement: '{\n  }',
  },
  {
    status: 'Ignored',
    fileName: `${process.cwd()}/src/a.ts`,
    location: at(4, 0),
    mutatorName: 'EqualityOperator',
    statusReason: 'z = 0 is σ = ½ either way',
  },
  {
    status: 'Killed',
    fileName: `${process.cwd()}/src/a.ts`,
    location: at(6, 0),
    mutatorName: 'ArithmeticOperator',
    replacement: 'a - b',
  },
  {
    status: 'CompileError',
    fileName: `${process.cwd()}/src/a.ts`,
    location: at(7, 0),
    mutatorName: 'ObjectLiteral',
    replacement: '{}',
  },
] as const;

describe('scoreOf', () => {
  it('counts a timeout as caught and an uncovered mutant as a survivor, and leaves out the equivalent ones', () => {
    expect(scoreOf(RESULTS)).toEqual({
      mutants: 8,
      caught: 3,
      survived: 2,
      uncovered: 1,
      excluded: 1,
      score: 3 / 6,
      coveredScore: 3 / 5,
    });
  });

  it('scores nothing to catch as full marks', () => {
    expect(scoreOf([])).toMatchObject({ score: 1, coveredScore: 1 });
    expect(scoreOf([{ status: 'NoCoverage' }])).toMatchObject({ score: 0, coveredScore: 1 });
  });
});

describe('scoreByFile', () => {
  it('scores each file, named from the project root, with what it missed and excluded in line order', () => {
    const [a, b] = scoreByFile(RESULTS);
    expect(a).toMatchObject({ file: 'src/a.ts', caught: 1, uncovered: 1, excluded: 1, score: 0.5 });
    expect(a?.missed).toEqual(['5:1 BlockStatement → { } (no test runs it)']);
    expect(a?.equivalent).toEqual(['4:1 EqualityOperator: z = 0 is σ = ½ either way']);
    expect(b).toMatchObject({ file: 'src/b.ts', caught: 2, survived: 2, score: 0.5 });
    expect(b?.missed).toEqual(['2:8 BooleanLiteral → false', '9:3 StringLiteral → ""']);
  });
});

describe('the verdict and the printout', () => {
  const group: MutationGroup = { name: 'g', title: 'a group', mutate: [], tests: [], target: 0.9 };

  it('judges a whole run against the target, a partial one or a group without target against none', () => {
    const whole = scoreOf(RESULTS);
    expect(verdict(group, whole, false)).toBe('missed');
    expect(verdict(group, { ...whole, score: 0.9 }, false)).toBe('met');
    expect(verdict(group, whole, true)).toBe('none');
    expect(verdict({ ...group, target: undefined }, whole, false)).toBe('none');
  });

  it('ends with the line the README quotes', () => {
    const lines = scoreLines(group, scoreByFile(RESULTS), scoreOf(RESULTS));
    expect(lines.at(-1)).toBe(
      'g: 50.0 % of 7 mutants caught (60.0 % on covered code, 1 uncovered, 1 equivalent excluded; target 90.0 %: MISSED)',
    );
    expect(lines).toContain('   50.0 %  src/a.ts  (1 of 2 caught, 1 equivalent)');
    expect(scoreLines(group, [], scoreOf(RESULTS), true).at(-1)).toMatch(/some files only: no target\)$/);
    expect(percent(0.9049)).toBe('90.5 %');
  });
});

describe('npm run mutation arguments', () => {
  it('takes group names, then the files after --only', () => {
    expect(parseArguments([])).toEqual({ names: [], only: [] });
    expect(parseArguments(['model', 'settings'])).toEqual({ names: ['model', 'settings'], only: [] });
    expect(parseArguments(['model', '--only', 'src/model/a.ts', 'src/model/b.ts'])).toEqual({
      names: ['model'],
      only: ['src/model/a.ts', 'src/model/b.ts'],
    });
  });

  it('mutates each folder against its own tests, and holds src/model and the settings code to 90 %', () => {
    for (const group of MUTATION_GROUPS) {
      for (const glob of group.tests) expect(glob).toMatch(/\.test\.ts$/);
    }
    expect(MUTATION_GROUPS.filter((group) => group.target === 0.9).map((group) => group.name)).toEqual([
      'model',
      'settings',
    ]);
  });
});
