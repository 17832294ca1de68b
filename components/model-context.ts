/**
 * What <lp-model> gives the figures inside it (Lit's context protocol): one
 * read-only object, replaced whole whenever anything in it changes, so a
 * figure only has to read it. Figures answer with events (properties down,
 * events up); a figure outside any <lp-model> uses its own properties.
 */
import { ContextConsumer, ContextRoot, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { Busy, PublishedState } from '../src/controller/published-state';
import type { ClassLabel } from '../src/plot/palette';
import type { PlaygroundSettings } from '../src/settings/playground-settings';

export interface ModelState {
  /** What the controller published; undefined until the first data are evaluated. */
  readonly published: PublishedState | undefined;
  readonly settings: PlaygroundSettings;
  readonly playing: boolean;
  /** Long work under way, and requests queued behind it. */
  readonly busy: Busy | undefined;
  readonly waiting: number;
  /** Notices about attributes, links and the device; the last error. */
  readonly notices: readonly string[];
  readonly error: string;
  /** The engine in use and why; what WebGPU offers, in words. */
  readonly engineDetail: string;
  readonly adapterText: string;
  /** The class a plain click on the scatter adds. */
  readonly addClass: ClassLabel;
}

export const modelContext = createContext<ModelState>(Symbol('lp-model'));

let rooted = false;

/**
 * Lets figures find a model that is defined (upgraded) after them: requests
 * made too early are answered when the model arrives. Once per document.
 */
export function attachContextRoot(): void {
  if (rooted || typeof document === 'undefined') return;
  rooted = true;
  new ContextRoot().attach(document.documentElement);
}

/** Calls `apply` with the model's state whenever it changes, for an element inside an <lp-model>. */
export function consumeModel(
  host: ReactiveControllerHost & HTMLElement,
  apply: (state: ModelState) => void,
): ContextConsumer<typeof modelContext, ReactiveControllerHost & HTMLElement> {
  // The root must listen before the first request: a figure may be defined before any <lp-model> is.
  attachContextRoot();
  return new ContextConsumer(host, { context: modelContext, subscribe: true, callback: (state) => apply(state) });
}
