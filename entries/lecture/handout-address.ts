/**
 * The addresses the printed handout gives for the deck's links. Paper cannot
 * follow a link to the printing machine's own server (`npm run lecture:pdf`
 * serves the build on 127.0.0.1), so a link is printed against the address
 * the deck author set (`<meta name="lp-handout-base">` in lecture.html), else
 * against the lecture's own address when that is a real host, else as its
 * path relative to the lecture.
 */

export interface HandoutLink {
  /** What the paper says. */
  readonly text: string;
  /** Where the PDF's link leads; none rather than to this machine. */
  readonly href: string | undefined;
}

/** Whether a host name is the machine's own: an address nobody else can open. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

/** The handout's link for `href` (as written in the deck) in the lecture at `lectureUrl`, `base` the author's address or empty. */
export function handoutLink(href: string, lectureUrl: string, base: string): HandoutLink {
  const lecture = new URL(lectureUrl);
  const set = base.trim() === '' ? undefined : new URL(base.trim(), lecture);
  const from = set && !isLoopbackHost(set.hostname) ? set : lecture;
  const target = new URL(href, from);
  if (!isLoopbackHost(target.hostname)) return { text: target.href, href: target.href };
  const page = lecture.pathname.split('/').pop() || 'lecture.html';
  return { text: `${href.replace(/^\.\//, '')}, next to ${page}`, href: undefined };
}
