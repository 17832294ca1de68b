/**
 * `npm run lecture:pdf`: builds the app, serves the build on localhost and
 * prints the lecture to lecture.pdf (or the path given as the argument), one
 * page per slide, with the live figures drawn.
 */

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { launchOptions } from '../e2e/browser';
import { countPdfPages, printLecture } from './print-lecture';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'lecture.pdf');
  process.stdout.write('building…\n');
  await build({ logLevel: 'warn' });
  // Any free port: the dev server or the tests may hold the usual ones.
  const server = await preview({ preview: { port: 0, strictPort: false } });
  const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!origin) throw new Error('The preview server did not say where it listens');
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    const { pdf, slides } = await printLecture(page, origin);
    writeFileSync(out, pdf);
    const pages = countPdfPages(pdf);
    process.stdout.write(`Wrote ${out}: ${pages} pages for ${slides} slides\n`);
    if (pages !== slides) process.exitCode = 1;
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
