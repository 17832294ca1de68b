/**
 * The handout: the lecture printed by Chromium from reveal.js's print view
 * (`?print-pdf`: one page per slide, every fragment shown), once the deck has
 * started, every slide's model stands at its iteration and the fonts are in.
 * Used by `npm run lecture:pdf` and by the end-to-end test that counts pages.
 */
import type { Page } from '@playwright/test';
import type {} from '../entries/lecture/lecture-api';

/** Prints `${origin}/lecture.html` to a PDF; returns it and the deck's slide count. */
export async function printLecture(page: Page, origin: string): Promise<{ pdf: Buffer; slides: number }> {
  await page.goto(`${origin}/lecture.html?print-pdf`);
  await page.waitForFunction(() => window.lecture !== undefined);
  const slides = await page.evaluate(async () => {
    const lecture = window.lecture;
    if (!lecture) throw new Error('lecture.html did not start its deck');
    await lecture.ready;
    await lecture.settled();
    await document.fonts.ready;
    return lecture.deck.getTotalSlides();
  });
  // The figures draw on the frame after their data arrive: two frames later, everything is on the page.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // reveal.js's print view sets the page size (the deck's 1280×720) with @page.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return { pdf, slides };
}

/** How many pages a PDF has: its page objects (Chromium writes them as plain dictionaries). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
