/**
 * The content security policy of every page we serve or ship (the app, the
 * lecture, the package's example page, the test pages), in one place: the
 * Vite configs put it in each page's <meta> and, where a server sets headers
 * (the dev server, the preview), in a header with what only a header can say.
 *
 * - Scripts only from the page's own origin: no inline script, no eval. The
 *   one thing compiled at run time is WebAssembly ('wasm-unsafe-eval', which
 *   allows nothing for JavaScript): the CPU engine's kernel for large data
 *   (src/engine/tutorial-sums.wat), bundled, never fetched.
 * - Styles from the page and inline: Lit's constructed style sheets need
 *   nothing, but KaTeX's formulas and D3's marks carry style attributes.
 * - Workers from the origin or a blob: the CSV reader and the CPU engine's
 *   workers are bundled inline (the package must stay one file) and start
 *   from a blob URL.
 * - Images and fonts also as data: URLs (the favicon, KaTeX's fonts inlined
 *   in the package, the PNG of a figure before it is saved).
 * - Nothing is fetched from anywhere but the origin; no plugins; no <base>.
 */
const DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'worker-src': "'self' blob:",
  'connect-src': "'self'",
  'frame-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

function policy(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The policy as a page's <meta http-equiv> can carry it (frame-ancestors is ignored there). */
export const PAGE_POLICY = policy(DIRECTIVES);

/** The headers a server of our pages sends: the policy (with who may frame them), no sniffing, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': policy({ ...DIRECTIVES, 'frame-ancestors': "'self'" }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The headers that make a page cross-origin isolated: it may then share
 * memory with its workers (SharedArrayBuffer), and the CPU engine's workers
 * read one copy of the data instead of a copy each. Every resource of ours is
 * same-origin, so they change nothing else. Sent by the benchmark's server,
 * and by the dev server for a page asked for with `?isolated`.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** A page's HTML with the policy's <meta> first thing in its <head>. */
export function withPolicyMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}" />`;
  return html.replace(/<head>/i, `<head>\n    ${meta}`);
}
