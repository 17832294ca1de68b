/**
 * The quick fuzz pass over settings given as text: link hashes, attributes
 * and typed fields, through the real parsers (`npm run fuzz` runs it long).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttributes } from '../settings/attributes';
import type { PlaygroundSettings } from '../settings/playground-settings';
import { SETTINGS, validateSettings } from '../settings/settings-schema';
import { decodeSettings } from '../settings/url-state';
import { checkNumberText } from '../settings/value-checks';
import { attributeSets, linkHash, numberText, runs, seed, timeout } from './arbitraries';
import { expectClearMessage, expectFinite, verdict } from './verdict';

/** Settings as a parser may hand them on: valid by the table, every number finite. */
function expectValidSettings(settings: PlaygroundSettings): void {
  expectFinite(settings);
  expect(validateSettings(settings)).toEqual(settings);
}

describe('fuzz: link hashes', () => {
  it(
    'apply what they can, and name every value ignored in a short notice',
    () => {
      fc.assert(
        fc.property(linkHash(), (text) => {
          const { settings, notices } = decodeSettings(text);
          expectValidSettings(settings);
          const given = [...new URLSearchParams(text.replace(/^#/, ''))].flatMap(([k, v]) => [`${k}=${v}`, v, k]);
          for (const notice of notices) expectClearMessage(notice, given);
        }),
        { numRuns: runs(300), seed: seed() },
      );
    },
    timeout(),
  );
});

describe('fuzz: attributes', () => {
  it(
    'fall back per attribute, each with a short notice',
    () => {
      fc.assert(
        fc.property(attributeSets(), (given) => {
          const { settings, notices, engine } = parseAttributes(given);
          expectValidSettings(settings);
          expect(['auto', 'gpu', 'cpu']).toContain(engine);
          const values = Object.values(given).filter((v): v is string => v !== null);
          for (const notice of notices) expectClearMessage(notice, values);
        }),
        { numRuns: runs(300), seed: seed() },
      );
    },
    timeout(),
  );
});

describe('fuzz: typed fields', () => {
  const numeric = Object.values(SETTINGS).flatMap((row) => {
    const { range } = row;
    return range ? (row.parts ?? [row.label]).map((label) => ({ label, range, integer: row.integer })) : [];
  });

  it(
    'give a number within the field’s range, or say why not in a short message',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...numeric), numberText(), (field, text) => {
          const answer = verdict(() => checkNumberText(field.label, text, field.range, field.integer), [text]);
          if ('accepted' in answer) {
            expect(answer.accepted).toBeGreaterThanOrEqual(field.range.min);
            expect(answer.accepted).toBeLessThanOrEqual(field.range.max);
            if (field.integer) expect(Number.isInteger(answer.accepted)).toBe(true);
          } else expect(answer.refused.startsWith(field.label)).toBe(true);
        }),
        { numRuns: runs(2000), seed: seed() },
      );
    },
    timeout(),
  );
});
