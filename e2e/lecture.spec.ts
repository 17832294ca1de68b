/**
 * The lecture as a presenter and a student meet it: every slide by keyboard,
 * no console error, no serious accessibility violation, nothing fetched from
 * another host; the descent slide's steps are the tutorial's, and going back
 * and forth takes no extra step; the handout has a page per slide.
 */
import { mkdirSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type {} from '../entries/lecture/lecture-api';
import { countPdfPages, printLecture } from '../scripts/print-lecture';
import { axeViolations, seriousOnes } from './axe';
import { expect, TUTORIAL_REFERENCE, test } from './fixtures';
import { openLecture, WITHOUT_TRANSITIONS } from './lecture-page';

const SLIDES = 16;

// The lecture's models on the CPU engine: what these tests check (the deck, its keys, its notes, its handout)
// does not depend on the engine, and every lecture page would otherwise compile the GPU's kernels. The
// descent slide's test below runs on the page's own engine (WebGPU where the browser has it).
test.use({ playgroundEngine: 'cpu' });
const SCREENSHOTS = 'e2e/screenshots';

function slideIndex(page: Page): Promise<number> {
  return page.evaluate(() => window.lecture?.deck.getIndices().h ?? -1);
}

function settled(page: Page): Promise<void> {
  return page.evaluate(() => window.lecture?.settled());
}

/** The model of the slide with this id: its public state. */
function modelState(page: Page, slide: string) {
  return page.evaluate((slide) => {
    const model = document.querySelector<HTMLElementTagNameMap['lp-model']>(`#${slide} lp-model`);
    if (!model) throw new Error(`no <lp-model> on slide ${slide}`);
    return { ...model.state, weights: [...model.state.weights] };
  }, slide);
}

/** Presses `key` until the deck stands on each slide in turn; returns the slides seen, in order. */
async function walk(page: Page, key: string, onSlide?: (index: number) => Promise<void>): Promise<number[]> {
  const seen = [await slideIndex(page)];
  await onSlide?.(seen[0] ?? 0);
  for (let presses = 0; presses < 60 && seen.length < SLIDES; presses++) {
    await page.keyboard.press(key);
    const index = await slideIndex(page);
    if (index !== seen.at(-1)) {
      seen.push(index);
      await onSlide?.(index);
    }
  }
  return seen;
}

test.describe('the lecture', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  // One page for every walk: the deck's start (eight models, their figures and formulas) is the costly part.
  test('every slide by →, each without a serious axe violation, screenshotted, back by Page Up and on by Page Down; nothing from another host', async ({
    page,
    baseURL,
  }) => {
    // Sixteen slides three times over, an axe audit and a screenshot each the first time: on two shared cores
    // with every slide's figures drawn by SwiftShader, longer than a test's usual three minutes.
    test.slow();
    const own = new URL(baseURL ?? 'http://invalid').host;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.host !== own) foreign.push(request.url());
    });
    // What each slide shows once it stands, not the slide transitions' seconds in between (SwiftShader draws them).
    await openLecture(page, '', WITHOUT_TRANSITIONS);
    expect(await page.evaluate(() => window.lecture?.deck.getTotalSlides())).toBe(SLIDES);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const seen = await walk(page, 'ArrowRight', async (index) => {
      await settled(page);
      // reveal.js moves slides with a transition: look once it is over.
      await expect(page.locator('.reveal .slides > section.present')).toHaveCSS('opacity', '1');
      const violations = await axeViolations(page);
      expect(seriousOnes(violations), `slide ${index + 1}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/lecture-${String(index + 1).padStart(2, '0')}.png` });
    });
    expect(seen).toEqual([...Array(SLIDES).keys()]);
    // A clicker's keys: back to the first slide by Page Up, and through them all again by Page Down.
    expect(await walk(page, 'PageUp')).toEqual([...Array(SLIDES).keys()].reverse());
    expect(await walk(page, 'PageDown')).toEqual([...Array(SLIDES).keys()]);
    expect(foreign, 'requests to other hosts').toEqual([]);
  });

  test('each slide has a URL of its own and speaker notes', async ({ page }) => {
    await openLecture(page, '#/descent');
    expect(await slideIndex(page)).toBe(11);
    const withoutNotes = await page.evaluate(() =>
      [...document.querySelectorAll('.reveal .slides > section')]
        .filter((s) => (s.querySelector('aside.notes')?.textContent ?? '').trim().length < 40)
        .map((s) => s.id),
    );
    expect(withoutNotes).toEqual([]);
  });
});

test('S opens the speaker view: the slide’s notes, it and the next one, a timer; it follows the deck and turns it', async ({
  page,
}) => {
  await openLecture(page, '#/log-odds');
  const notesOf = async (slide: string) =>
    ((await page.locator(`#${slide} aside.notes`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const [view] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
  const notes = view.getByRole('region', { name: 'Notes' });
  const shown = (title: string) =>
    view.frameLocator(`iframe[title="${title}"]`).locator('.reveal .slides > section.present');
  await expect(notes).toContainText(await notesOf('log-odds'));
  await expect(shown('Current slide')).toHaveId('log-odds');
  await expect(shown('Upcoming slide')).toHaveId('derivative');
  const timer = view.getByRole('timer');
  await expect(timer).toHaveText(/^\d+:\d\d:\d\d$/);
  const started = await timer.textContent();
  await expect.poll(() => timer.textContent(), { message: 'the timer runs' }).not.toBe(started);
  await expect(view.getByRole('region', { name: 'Current slide' })).toContainText('3 / 16');
  const violations = await axeViolations(view);
  expect(seriousOnes(violations), JSON.stringify(violations, null, 1)).toEqual([]);
  // The lecturer advances in the main window: the view follows.
  await page.keyboard.press('ArrowRight');
  await expect(notes).toContainText(await notesOf('derivative'));
  await expect(shown('Current slide')).toHaveId('derivative');
  await expect(shown('Upcoming slide')).toHaveId('likelihood');
  // … or in the speaker view itself: the deck follows.
  await view.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(4);
  await expect(notes).toContainText(await notesOf('likelihood'));
  await expect(shown('Current slide')).toHaveId('likelihood');
  await view.screenshot({ path: `${SCREENSHOTS}/speaker-view.png` });
});

test.describe('on the page’s own engine', () => {
  test.use({ playgroundEngine: 'page' });

  test('the descent slide: each advance is one step of the tutorial, and back and forth takes no extra step', async ({
    page,
  }) => {
    await openLecture(page, '#/descent');
    await settled(page);
    expect((await modelState(page, 'descent')).iteration).toBe(0);
    // Count every step the model is asked to take.
    await page.evaluate(() => {
      const model = document.querySelector('#descent lp-model') as HTMLElement & { step(n?: number): Promise<void> };
      const step = model.step.bind(model);
      const w = window as Window & { stepsTaken?: number };
      w.stepsTaken = 0;
      model.step = (n = 1) => {
        w.stepsTaken = (w.stepsTaken ?? 0) + n;
        return step(n);
      };
    });
    const expectStep = async (k: 1 | 2 | 3) => {
      await settled(page);
      const state = await modelState(page, 'descent');
      expect(state.iteration).toBe(k);
      const [w1, w2] = TUTORIAL_REFERENCE.path[k];
      expect(state.weights[0]).toBeCloseTo(w1, 4);
      expect(state.weights[1]).toBeCloseTo(w2, 4);
    };
    for (const k of [1, 2, 3] as const) {
      await page.keyboard.press('ArrowRight');
      await expectStep(k);
    }
    expect(await page.evaluate(() => (window as Window & { stepsTaken?: number }).stepsTaken)).toBe(3);
    // Back to w(2), forward to w(3), quickly back twice and forward once: the model follows the slide exactly.
    await page.keyboard.press('ArrowLeft');
    await expectStep(2);
    await page.keyboard.press('ArrowRight');
    await expectStep(3);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expectStep(2);
    // Past the slide and back again: its steps stay as they were.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex(page)).toBe(12);
    await page.keyboard.press('ArrowLeft');
    await expectStep(3);
  });
});

test('keys pressed in a slide’s field or on its button stay there; → on the slide turns the page', async ({ page }) => {
  await openLecture(page, '#/output');
  const field = page.locator('#output lp-initial-weights input').first();
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-1.25');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  expect(await slideIndex(page)).toBe(9);
  await expect.poll(async () => (await modelState(page, 'output')).weights[0]).toBe(-1.25);
  // The diagram's sample buttons take Space and Enter themselves.
  await openLecture(page, '#/network');
  await page.locator('#network lp-model-diagram').getByRole('button', { name: 'Next sample' }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#network lp-model-diagram [role="status"]')).toHaveText('sample 2 of 40');
  expect(await slideIndex(page)).toBe(7);
  // Focus back on the slide itself: → is the deck's again.
  await page.locator('#network h2').click();
  await page.keyboard.press('ArrowRight');
  expect(await slideIndex(page)).toBe(8);
});

test('the lecture’s plots only show: a click on a scatter or a cost surface changes no model', async ({ page }) => {
  await openLecture(page, '#/descent');
  await page.keyboard.press('ArrowRight');
  await settled(page);
  for (const view of ['lp-scatter', 'lp-cost-surface']) {
    const box = await page.locator(`#descent ${view} svg.chart`).boundingBox();
    if (!box) throw new Error(`no ${view}`);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
  }
  await settled(page);
  const state = await modelState(page, 'descent');
  expect(state.samples).toBe(40);
  expect(state.iteration).toBe(1);
  expect(state.weights[0]).toBeCloseTo(TUTORIAL_REFERENCE.path[1][0], 4);
  expect(state.weights[1]).toBeCloseTo(TUTORIAL_REFERENCE.path[1][1], 4);
});

test('after dragging a figure’s handle, → and a clicker’s Page Down still turn the slide', async ({ page }) => {
  await openLecture(page, '#/logistic');
  const figure = page.locator('#logistic lp-logistic-figure');
  const box = await figure.locator('rect.hit').boundingBox();
  if (!box) throw new Error('no plot');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(figure.locator('[data-readout="z"]')).toHaveText('3.0000');
  await page.keyboard.press('PageDown');
  expect(await slideIndex(page)).toBe(2);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  expect(await slideIndex(page)).toBe(2);
});

test('the result slide shows the tutorial’s w(10), cost and six misclassified points', async ({ page }) => {
  await openLecture(page, '#/result');
  await settled(page);
  const state = await modelState(page, 'result');
  expect(state.iteration).toBe(10);
  const [w1, w2] = TUTORIAL_REFERENCE.path[10];
  expect(state.weights[0]).toBeCloseTo(w1, 4);
  expect(state.weights[1]).toBeCloseTo(w2, 4);
  expect(state.cost).toBeCloseTo(TUTORIAL_REFERENCE.cost10, 3);
  expect(Math.round((1 - state.accuracy) * state.samples)).toBe(TUTORIAL_REFERENCE.misclassified10);
  await expect(page.locator('#result lp-confusion-matrix')).toContainText('16');
});

test('the handout PDF has one page per slide', async ({ page, baseURL }) => {
  test.skip(!baseURL, 'needs the preview server');
  const { pdf, slides } = await printLecture(page, baseURL ?? '');
  expect(slides).toBe(SLIDES);
  expect(countPdfPages(pdf)).toBe(SLIDES);
});

/** A PDF's bytes as text, its compressed streams inflated: link targets and whatever else it names. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n/g)].map((m) => {
    const start = (m.index ?? 0) + m[0].length;
    try {
      return inflateSync(Buffer.from(raw.slice(start, raw.indexOf('endstream', start)), 'latin1')).toString('latin1');
    } catch {
      return '';
    }
  });
  return [raw, ...streams].join('\n');
}

const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/i;

test('the handout names the playground by an address a student can open, never this machine’s', async ({
  page,
  baseURL,
}) => {
  test.skip(!baseURL, 'needs the preview server');
  const { pdf } = await printLecture(page, baseURL ?? '');
  const printed = await page.locator('#try').textContent();
  expect(printed).toContain('index.html, next to lecture.html');
  expect(printed).not.toMatch(LOOPBACK);
  expect(pdfText(pdf)).not.toMatch(LOOPBACK);
  // The address the deck author sets in lecture.html wins.
  await page.route(/\/lecture\.html/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /<meta name="lp-handout-base" content="[^"]*"/,
      '<meta name="lp-handout-base" content="https://course.example.org/lr/"',
    );
    await route.fulfill({ response, body: html });
  });
  const { pdf: published } = await printLecture(page, baseURL ?? '');
  expect(await page.locator('#try').textContent()).toContain('https://course.example.org/lr/index.html');
  const text = pdfText(published);
  expect(text).toContain('https://course.example.org/lr/index.html');
  expect(text).not.toMatch(LOOPBACK);
});
