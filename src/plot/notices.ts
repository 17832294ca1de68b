/**
 * Notices as the page shows them: each at most a few lines long (a link
 * value of 100 kB is quoted as its beginning), the same notice once with how
 * often it came, and no more than a handful at a time, the rest counted.
 */
import { formatCount } from '../text/format';

/** The longest notice shown whole; longer ones are cut at a word and marked. */
export const NOTICE_MAX_CHARS = 240;
/** The most notices shown at once. */
export const NOTICES_SHOWN = 4;

export interface ShownNotice {
  /** The notice as it came (to dismiss it by). */
  readonly text: string;
  /** The notice as shown: shortened when long. */
  readonly shown: string;
  /** How many times it came. */
  readonly count: number;
}

export interface NoticeList {
  readonly shown: readonly ShownNotice[];
  /** How many more notices there are beyond those shown. */
  readonly more: number;
}

function shorten(text: string): string {
  if (text.length <= NOTICE_MAX_CHARS) return text;
  const cut = text.slice(0, NOTICE_MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > NOTICE_MAX_CHARS / 2 ? cut.slice(0, space) : cut}… (${formatCount(text.length)} characters)`;
}

export function noticeList(notices: readonly string[]): NoticeList {
  const counts = new Map<string, number>();
  for (const n of notices) counts.set(n, (counts.get(n) ?? 0) + 1);
  const all = [...counts].map(([text, count]) => ({ text, shown: shorten(text), count }));
  return { shown: all.slice(0, NOTICES_SHOWN), more: Math.max(0, all.length - NOTICES_SHOWN) };
}
