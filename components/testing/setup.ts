/**
 * Every element test, automatically: a console error or an uncaught error
 * during a test fails it (an element that logs one is broken even when its
 * assertions pass), and the containers a test mounted are removed after it.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { MOUNT_ATTRIBUTE } from './mount';

let errors: string[] = [];
const originalError = console.error;
const onError = (event: ErrorEvent) => errors.push(`uncaught: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason)}`);

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    originalError(...args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(() => {
  for (const container of document.querySelectorAll(`[${MOUNT_ATTRIBUTE}]`)) container.remove();
  console.error = originalError;
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  expect(errors, 'console errors during the test').toEqual([]);
});
