/**
 * What a key does to an <lp-model>: the model's own keys (play, step, reset,
 * undo, redo) through its public API, and the layout's keys (presentation
 * mode, the key list) as a cancelable `lp-view-shortcut` event for whoever
 * lays the model out.
 */
import type { ShortcutAction } from './shortcuts';

/** The part of <lp-model> the keys drive. */
export interface ShortcutTarget extends HTMLElement {
  readonly noShortcuts: boolean;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  step(n: number): Promise<void>;
  reset(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * Runs a shortcut; false when it is not taken (the model takes no keys, has
 * not started, or nobody takes a layout key), so the key keeps its default.
 * `run` shows a failure instead of losing it.
 */
export function runShortcut(
  model: ShortcutTarget,
  action: ShortcutAction,
  started: boolean,
  run: (operation: Promise<void>) => void,
): boolean {
  if (model.noShortcuts) return false;
  if (action === 'presentation' || action === 'help') {
    const asked = new CustomEvent('lp-view-shortcut', {
      detail: { action },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    return !model.dispatchEvent(asked);
  }
  if (!started) return false;
  const actions: Record<typeof action, () => void> = {
    'toggle-play': () => (model.playing ? model.pause() : model.play()),
    step: () => run(model.step(1)),
    step10: () => run(model.step(10)),
    reset: () => run(model.reset()),
    undo: () => run(model.undo()),
    redo: () => run(model.redo()),
  };
  actions[action]();
  return true;
}
