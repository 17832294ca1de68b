/**
 * The long fuzz pass in the browser (`npm run fuzz`, see scripts/fuzz.ts):
 * link hashes, attributes, values typed into the fields and CSV texts go
 * through the real page, and after each the page must still hold: settings
 * and state without NaN or Infinity, every message short, the page no wider
 * than the window, nothing on the console, the data kept on a refusal. Not a
 * spec: `npm test` runs only the quick pass in Node (src/fuzz/).
 */
import type { Page } from 'playwright';
import type {} from '../../components/lp-playground';

export interface Tally {
  tried: number;
  /** Refused, with a message saying why (a notice, a field's error, a rejected promise). */
  refused: number;
  accepted: number;
  /** Left out before trying (too slow for a software GPU), with why. */
  skipped: number;
  failed: number;
  failures: string[];
}

export function tally(): Tally {
  return { tried: 0, refused: 0, accepted: 0, skipped: 0, failed: 0, failures: [] };
}

/** What the page looks like after a case: read in the page, checked here. */
interface PageReport {
  readonly problems: string[];
  /** The messages on view: notices, errors, fields' errors. */
  readonly messages: string[];
}

/** The longest message on the page: a sentence, a label, a range and a couple of excerpts. */
const MESSAGE_LIMIT = 400;

/** Reads the page after a case: every number of the public state and settings, the messages, the page's width. */
function inspect(page: Page): Promise<PageReport> {
  return page.evaluate(async (limit) => {
    const el = document.querySelector('lp-playground');
    const problems: string[] = [];
    if (!el) return { problems: ['no <lp-playground>'], messages: [] };
    await el.ready.catch((error: unknown) => problems.push(`ready rejected: ${String(error)}`));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${path} is ${value}`);
      else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      }
    };
    walk(el.settings, 'settings');
    const { cost, meanCost, accuracy, ...state } = el.state;
    walk(state, 'state');
    // Costs are NaN only before anything is measured; after ready they are numbers.
    walk({ cost, meanCost, accuracy }, 'state');
    const messages: string[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const node of root.querySelectorAll('.message, .error, [role="alert"]')) {
        const text = (node.textContent ?? '').trim();
        if (text) messages.push(text);
      }
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) collect(host.shadowRoot);
    };
    collect(document);
    for (const m of messages) if (m.length > limit) problems.push(`a message of ${m.length} characters`);
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth + 20) problems.push(`the page is ${width} px wide`);
    return { problems, messages };
  }, MESSAGE_LIMIT);
}

/** Runs one case and counts it; `run` returns whether the page refused it with a message. */
async function attempt(
  page: Page,
  t: Tally,
  what: string,
  consoleErrors: string[],
  run: () => Promise<boolean>,
): Promise<void> {
  t.tried++;
  consoleErrors.length = 0;
  let refused: boolean;
  let report: PageReport;
  try {
    refused = await run();
    report = await inspect(page);
  } catch (error) {
    t.failed++;
    t.failures.push(`${what}: ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  const problems = [...report.problems, ...consoleErrors];
  if (problems.length > 0) {
    t.failed++;
    t.failures.push(`${what}: ${problems.join('; ')}`);
  } else if (refused) t.refused++;
  else t.accepted++;
}

/** Opens the app fresh (optionally with a hash) and waits until it is ready. */
export async function openApp(page: Page, origin: string, hash = ''): Promise<void> {
  // A hash without its "#" would be a path; location.hash adds the "#" the same way.
  await page.goto(`${origin}/${hash === '' || hash.startsWith('#') ? hash : `#${hash}`}`);
  await page.waitForFunction(() => customElements.get('lp-playground') !== undefined);
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
}

/** The notices on the page now. */
function notices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const node of root.querySelectorAll('.message.notice')) out.push(node.textContent ?? '');
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) collect(host.shadowRoot);
    };
    collect(document);
    return out;
  });
}

/** After a value the parsers refuse, the page must show a notice: the case counts as refused (or failed without one). */
async function refusedWithNotice(page: Page, refused: boolean): Promise<boolean> {
  if (refused && (await notices(page)).length === 0) throw new Error('refused without a notice on the page');
  return refused;
}

/**
 * Each hash applied to the live page (and every `fresh`-th one on a fresh
 * load). `refuses` says, by the parser the page uses, whether a value of it
 * is refused: then the page must say so in a notice.
 */
export async function fuzzHashes(
  page: Page,
  origin: string,
  hashes: readonly string[],
  refuses: (hash: string) => boolean,
  t: Tally,
  consoleErrors: string[],
  fresh = 10,
): Promise<void> {
  for (const [i, hash] of hashes.entries()) {
    await attempt(page, t, `hash ${JSON.stringify(hash.slice(0, 80))}`, consoleErrors, async () => {
      if (i % fresh === 0) await openApp(page, origin, hash);
      else {
        await page.evaluate((h) => {
          location.hash = h;
        }, hash);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      }
      return refusedWithNotice(page, refuses(hash));
    });
  }
}

/** A playground made with each set of attributes; `refuses` as for hashes. */
export async function fuzzAttributes(
  page: Page,
  sets: ReadonlyArray<Readonly<Record<string, string>>>,
  refuses: (attributes: Readonly<Record<string, string>>) => boolean,
  t: Tally,
  consoleErrors: string[],
): Promise<void> {
  for (const attributes of sets) {
    await attempt(page, t, `attributes ${JSON.stringify(attributes).slice(0, 120)}`, consoleErrors, async () => {
      await page.evaluate(async (attributes) => {
        const el = document.createElement('lp-playground');
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        document.querySelector('lp-playground')?.replaceWith(el);
        await el.ready;
      }, attributes);
      return refusedWithNotice(page, refuses(attributes));
    });
  }
}

/** Each text typed into one of the page's number fields and entered: refused when the field shows an error. */
export async function fuzzFields(
  page: Page,
  texts: readonly string[],
  t: Tally,
  consoleErrors: string[],
): Promise<void> {
  // The fields on view and enabled now (some show only for a preset, the bias or mini-batches).
  const fields = page.locator('lp-playground lp-number-field input:enabled').filter({ visible: true });
  for (const [i, text] of texts.entries()) {
    await attempt(page, t, `field text ${JSON.stringify(text.slice(0, 80))}`, consoleErrors, async () => {
      const count = await fields.count();
      if (count === 0) throw new Error('no number field on the page');
      const input = fields.nth(i % count);
      await input.fill(text, { timeout: 10_000 });
      await input.press('Enter', { timeout: 10_000 });
      const error = await input.evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot;
        return root.querySelector('.error')?.textContent ?? '';
      });
      return error !== '';
    });
  }
}

/** Each text through loadCsv(): refused when it rejects with a message, and then the data must be as they were. */
export async function fuzzCsv(page: Page, texts: readonly string[], t: Tally, consoleErrors: string[]): Promise<void> {
  for (const text of texts) {
    await attempt(page, t, `CSV ${JSON.stringify(text.slice(0, 80))}`, consoleErrors, async () => {
      const outcome = await page.evaluate(async (text) => {
        const el = document.querySelector('lp-playground');
        if (!el) throw new Error('no <lp-playground>');
        await el.ready;
        const before = el.exportCsv();
        try {
          await el.loadCsv(text, 'fuzz.csv');
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const kept = el.exportCsv() === before;
          return { refused: true, message, kept, name: error instanceof Error ? error.name : typeof error };
        }
        return { refused: false, message: '', kept: true, name: '' };
      }, text);
      if (outcome.refused) {
        if (!['CsvError', 'RangeError', 'SettingError'].includes(outcome.name)) {
          throw new Error(`loadCsv threw a ${outcome.name}: ${outcome.message}`);
        }
        if (!outcome.kept) throw new Error('the data changed on a refusal');
        if (outcome.message.length === 0 || outcome.message.length > MESSAGE_LIMIT) {
          throw new Error(`a refusal of ${outcome.message.length} characters`);
        }
      }
      return outcome.refused;
    });
  }
}
