/**
 * The events controls send up to <lp-playground> ("properties down, events
 * up"). All bubble and cross shadow roots. Declared once here because several
 * elements send the same ones.
 */
import type { SettingsChange } from '../src/state/playground-settings';
import type { PointEdit } from '../src/state/training-session';

export type SettingsEvent = CustomEvent<SettingsChange>;
export type StepEvent = CustomEvent<{ count: number }>;
export type PlayEvent = CustomEvent<{ playing: boolean }>;
export type LoadCsvEvent = CustomEvent<{ text: string; name: string }>;
/** Add a point of class t at x, or remove the point nearest to x. */
export type EditPointEvent = CustomEvent<PointEdit>;

/** Creates an event the way every control sends them. */
export function controlEvent<T>(type: keyof GlobalEventHandlersEventMap, detail: T): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Change some settings (validated by the playground). */
    'lp-settings': SettingsEvent;
    'lp-step': StepEvent;
    'lp-play': PlayEvent;
    'lp-reset': CustomEvent<null>;
    /** Draw a new sample of the two Gaussians (a new seed). */
    'lp-regenerate': CustomEvent<null>;
    'lp-load-csv': LoadCsvEvent;
    'lp-edit-point': EditPointEvent;
    /** Which class a plain click on the scatter adds. */
    'lp-add-class': CustomEvent<{ t: 0 | 1 }>;
  }
}
