/**
 * The package's entry names every element file: one left out would still be
 * defined if another element imports it, but its class would be missing from
 * the package's exports and types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const components = new URL('../../components/', import.meta.url);
const entry = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');

describe('the package entry', () => {
  const elements = readdirSync(components).filter((name) => /^lp-[\w-]+\.ts$/.test(name) && !name.endsWith('.test.ts'));

  it('finds the element files', () => {
    expect(elements).toContain('lp-playground.ts');
  });

  it.each(elements)('exports the element of components/%s', (file) => {
    const module = file.replace(/\.ts$/, '');
    const source = readFileSync(new URL(file, components), 'utf8');
    // Line comments (a lint suppression) may stand between the decorator and the class.
    const className = /@customElement\('[\w-]+'\)\s*(?:\/\/[^\n]*\n\s*)*export class (\w+)/.exec(source)?.[1];
    expect(className, `components/${file} defines one element class`).toBeDefined();
    expect(entry).toMatch(
      new RegExp(`export \\{[^}]*\\b${className}\\b[^}]*\\} from '\\.\\./\\.\\./components/${module}';`),
    );
  });
});
