/**
 * The lecture's slides use the room they have, at a laptop's 1280×720 and a
 * projector's 1920×1080: every slide's figures reach down to its foot, the
 * descent slide's cost surface takes most of the height under the title,
 * nothing sticks out of a slide or lies on something else, no text is under
 * 14 px on the screen at 1280×720 (the figures' ticks included; 12 px in the
 * playground framed on slide 15, which was 10), and the playground
 * framed there does not offer a link to the lecture it is in.
 */
import type { Page } from '@playwright/test';
import type {} from '../entries/lecture/lecture-api';
import { expect, test } from './fixtures';
import { openLecture, WITHOUT_TRANSITIONS } from './lecture-page';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** The smallest text on a screen of 1280×720, in screen pixels. */
const MIN_TEXT_PX = 14;
/**
 * The same in the playground framed on slide 15, shown in its
 * presentation mode as large as the slide holds: its hints are 0.72 of its
 * text, and more would make its layout clip at the frame's width.
 */
const FRAMED_MIN_TEXT_PX = 12;
/** How far down the slide its figures reach, at the least (a fraction of the slide's height). */
const FIGURES_REACH = 0.88;

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Goes to slide `index` and waits until its models have drawn and its transition is over. */
async function showSlide(page: Page, index: number): Promise<void> {
  await page.evaluate((index) => window.lecture?.deck.slide(index), index);
  await page.evaluate(() => window.lecture?.settled());
  await expect(page.locator('.reveal .slides > section.present')).toHaveCSS('opacity', '1');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * The texts under `selector` (shadow roots included) drawn smaller than `min`
 * screen pixels, with their size; `outer` is the document's own scale on the
 * screen (a framed page's frame may be scaled).
 */
function smallTexts({ selector, min, outer }: { selector: string; min: number; outer: number }): string[] {
  const root = document.querySelector(selector);
  if (!root) return [`nothing at ${selector}`];
  const found: string[] = [];
  const scaleOf = (el: Element): number => {
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      return m ? Math.hypot(m.a, m.b) : 1;
    }
    const html = el as HTMLElement;
    return html.offsetWidth > 0 ? el.getBoundingClientRect().width / html.offsetWidth : 1;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      // KaTeX's MathML is for screen readers only, clipped to a pixel.
      if (!el || !text || el.closest('.katex-mathml, style, script, aside.notes')) return;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width < 2 || box.height < 2 || style.visibility === 'hidden') return;
      const px = Number.parseFloat(style.fontSize) * scaleOf(el) * outer;
      if (px < min) found.push(`${px.toFixed(1)} px: “${text.slice(0, 40)}” in <${el.localName}>`);
      return;
    }
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return found;
}

/** The slide shown: its box, its title's, how low its figures reach, and what sticks out or overlaps. */
function measureSlide() {
  const slide = document.querySelector<HTMLElement>('.reveal .slides > section.present');
  if (!slide) throw new Error('no slide shown');
  const box = slide.getBoundingClientRect();
  const title = slide.querySelector('h1, h2')?.getBoundingClientRect();
  // A view sized by the slide ends with its x axis's title (its box may be taller than the plot); a figure with readouts, with its box.
  const figureBottoms = [
    ...slide.querySelectorAll('.figure, lp-scatter, lp-cost-surface, lp-loss-chart, lp-model-diagram, iframe'),
  ].map((f) => {
    const axis = f.matches('lp-scatter, lp-cost-surface, lp-loss-chart')
      ? f.shadowRoot?.querySelector('text.axis-label.x')
      : undefined;
    return (axis ?? f).getBoundingClientRect().bottom;
  });
  const blocks = [
    ...slide.querySelectorAll(
      'h1, h2, p, ul, ol, lp-tex[display], .figure, lp-scatter, lp-cost-surface, lp-loss-chart, lp-readout, lp-confusion-matrix, lp-initial-weights, iframe',
    ),
  ].filter((b) => !b.closest('aside.notes, .handout-only') && b.getBoundingClientRect().height > 0);
  const named = (b: Element) => `<${b.localName}${b.className ? `.${String(b.className).replace(/ /g, '.')}` : ''}>`;
  const outside = blocks
    .filter((b) => {
      const r = b.getBoundingClientRect();
      return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
    })
    .map(named);
  const overlaps: string[] = [];
  for (const [i, a] of blocks.entries()) {
    for (const b of blocks.slice(i + 1)) {
      if (a.contains(b) || b.contains(a)) continue;
      const p = a.getBoundingClientRect();
      const q = b.getBoundingClientRect();
      const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (w > 1 && h > 1) overlaps.push(`${named(a)} and ${named(b)}`);
    }
  }
  return {
    id: slide.id,
    top: box.top,
    bottom: box.bottom,
    height: box.height,
    titleBottom: title?.bottom ?? box.top,
    figuresBottom: Math.max(box.top, ...figureBottoms),
    outside,
    overlaps,
  };
}

for (const size of SIZES) {
  test.describe(`the lecture at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    // At the smaller screen, the one walk through the deck also reads every text's size.
    const readsText = size.width === 1280;
    test(`every slide’s figures reach its foot; nothing sticks out of a slide or lies on something else${readsText ? '; no text is smaller than 14 px on the screen' : ''}`, async ({
      page,
    }) => {
      await openLecture(page, '', WITHOUT_TRANSITIONS);
      const slides = (await page.evaluate(() => window.lecture?.deck.getTotalSlides())) ?? 0;
      expect(slides).toBeGreaterThan(0);
      const short: string[] = [];
      const small: string[] = [];
      for (let index = 0; index < slides; index++) {
        await showSlide(page, index);
        if (readsText) {
          const found = await page.evaluate(smallTexts, {
            selector: '.reveal .slides > section.present',
            min: MIN_TEXT_PX,
            outer: 1,
          });
          small.push(...found.map((f) => `slide ${index + 1}: ${f}`));
        }
        const m = await page.evaluate(measureSlide);
        const reach = (m.figuresBottom - m.top) / m.height;
        if (reach < FIGURES_REACH) short.push(`${m.id}: figures end at ${(reach * 100).toFixed(0)} % of the slide`);
        expect(m.outside, `${m.id}: out of the slide`).toEqual([]);
        expect(m.overlaps, `${m.id}: on top of each other`).toEqual([]);
      }
      expect(short).toEqual([]);
      expect(small, 'texts under 14 px').toEqual([]);
    });

    test('the descent slide’s cost surface takes most of the height under the title', async ({ page }) => {
      await openLecture(page, '#/descent', WITHOUT_TRANSITIONS);
      await showSlide(page, 11);
      const m = await page.evaluate(measureSlide);
      const free = m.bottom - m.titleBottom;
      const surface = page.locator('#descent lp-cost-surface');
      const box = await surface.boundingBox();
      // The plot itself: the square the colours fill, on the screen.
      const plot = await surface.evaluate((el) => {
        const svg = el.shadowRoot?.querySelector<SVGSVGElement>('svg.chart');
        const clip = svg?.querySelector<SVGRectElement>('clipPath rect');
        const ctm = svg?.getScreenCTM();
        return clip && ctm ? clip.height.baseVal.value * ctm.d : 0;
      });
      expect(box?.height ?? 0).toBeGreaterThan(0.8 * free);
      expect(plot).toBeGreaterThan(0.65 * free);
    });

    test('the playground on slide 15: large enough to read, filling its slide, no link to the lecture', async ({
      page,
    }) => {
      await openLecture(page, '#/try', WITHOUT_TRANSITIONS);
      await showSlide(page, 14);
      const frame = page.frame({ url: /\/index\.html/ });
      if (!frame) throw new Error('the playground is not framed');
      await frame.waitForFunction(() => document.querySelector('lp-playground') !== null);
      await frame.evaluate(() => document.querySelector('lp-playground')?.ready);
      // The page the playground is framed by is the lecture: its link there would lead nowhere new.
      await expect(frame.getByRole('link', { name: /lecture/i })).toHaveCount(0);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const scale = await page.locator('#try iframe').evaluate((el) => {
        const iframe = el as HTMLIFrameElement;
        return iframe.getBoundingClientRect().width / (iframe.contentWindow?.innerWidth ?? 1);
      });
      expect(await frame.evaluate(smallTexts, { selector: 'body', min: FRAMED_MIN_TEXT_PX, outer: scale })).toEqual([]);
      // Everything fits the frame: nothing to scroll to.
      expect(
        await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
      ).toBeLessThanOrEqual(0);
      // The loss chart is a chart, not a strip (it was 60 px).
      const chart = await frame.evaluate(
        () =>
          document.querySelector('lp-playground')?.shadowRoot?.querySelector('lp-loss-chart')?.getBoundingClientRect()
            .height ?? 0,
      );
      expect(chart * scale).toBeGreaterThan(0.18 * size.height);
    });
  });
}
