/**
 * Every element has its own test beside it (components/lp-x.ts and
 * components/lp-x.test.ts), mounted alone in Chromium: the app's end-to-end
 * tests prove the flows, these prove each element.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const components = new URL('../components/', import.meta.url);
const elementFiles = readdirSync(components).filter(
  (name) =>
    name.endsWith('.ts') &&
    !name.endsWith('.test.ts') &&
    /@customElement\(/.test(readFileSync(new URL(name, components), 'utf8')),
);

describe('the element tests', () => {
  it('find the element files', () => {
    expect(elementFiles).toContain('lp-playground.ts');
    expect(elementFiles.length).toBeGreaterThan(20);
  });

  it.each(elementFiles)('components/%s has its own test file', (file) => {
    expect(existsSync(new URL(file.replace(/\.ts$/, '.test.ts'), components))).toBe(true);
  });
});
