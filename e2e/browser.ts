/**
 * How the end-to-end tests (and the benchmark) launch Chromium: Debian's
 * /usr/bin/chromium when present (Playwright cannot download browsers on our
 * machines), Playwright's own browser elsewhere; WebGPU on, and the flags a
 * closed network and a root user need.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions, Page } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}

/** Collects console errors and uncaught exceptions (into `messages`), which every test requires to be none. */
export function collectPageErrors(page: Page, messages: string[] = []): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error') messages.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`uncaught: ${e.message}`));
  return messages;
}
