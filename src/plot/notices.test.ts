import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTICE_MAX_CHARS, NOTICES_SHOWN, noticeList } from './notices';

describe('notices as shown', () => {
  it('quotes a long notice by its beginning, cut at a word', () => {
    const long = `The link's "lr=${'9'.repeat(100_000)}" was ignored.`;
    const [first] = noticeList([long]).shown;
    expect(first?.text).toBe(long);
    expect(first?.shown.length).toBeLessThan(NOTICE_MAX_CHARS + 40);
    expect(first?.shown).toMatch(/^The link's "lr=9+… \(100.02\d characters\)$/);
  });

  it('shows a repeated notice once with its count, and at most a few at a time', () => {
    const list = noticeList([...Array.from({ length: 2000 }, (_, i) => `unknown key k${i}`), 'unknown key k0']);
    expect(list.shown).toHaveLength(NOTICES_SHOWN);
    expect(list.shown[0]).toMatchObject({ text: 'unknown key k0', count: 2 });
    expect(list.more).toBe(2000 - NOTICES_SHOWN);
  });

  it('never loses count and never shows more than the limit, whatever comes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 600 }), { maxLength: 60 }), (notices) => {
        const list = noticeList(notices);
        const distinct = new Set(notices).size;
        expect(list.shown.length + list.more).toBe(distinct);
        expect(list.shown.length).toBeLessThanOrEqual(NOTICES_SHOWN);
        for (const n of list.shown) expect(n.shown.length).toBeLessThanOrEqual(NOTICE_MAX_CHARS + 40);
      }),
    );
  });
});
