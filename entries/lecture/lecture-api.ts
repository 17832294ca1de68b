/**
 * What lecture.html offers a script (the end-to-end tests, the PDF script):
 * `window.lecture`, set once the deck module has run.
 */
import type { RevealApi } from 'reveal.js';

export interface LectureApi {
  readonly deck: RevealApi;
  /** Resolves when the deck runs and every slide's model shows its iteration. */
  readonly ready: Promise<void>;
  /** Resolves when every slide's model has reached the iteration asked for so far. */
  settled(): Promise<void>;
}

declare global {
  interface Window {
    lecture?: LectureApi;
  }
}
