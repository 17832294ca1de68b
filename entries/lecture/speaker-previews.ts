/**
 * The speaker view's two previews: the lecture itself, loaded twice with
 * ?receiver (no speaker link, no keys of its own, no transitions) and driven
 * through reveal.js's postMessage API once each says it is ready: the current
 * one is set to the deck's state, the upcoming one to the same state and then
 * one step on (the next fragment, or the next slide).
 */
import type { RevealState } from 'reveal.js';

const PREVIEW_QUERY = [
  'receiver',
  'controls=false',
  'progress=false',
  'keyboard=false',
  'history=false',
  'transition=none',
  'backgroundTransition=none',
  'autoSlide=0',
  // Narrow as a preview is, it shows slides, not reveal.js's scroll view.
  'scrollActivationWidth=false',
  // Each preview says when it is ready to be set.
  'postMessageEvents=true',
].join('&');

export class Previews {
  private url = '';
  private state: RevealState | undefined;
  private readonly ready = new Set<Window>();

  constructor(
    private readonly current: HTMLIFrameElement,
    private readonly upcoming: HTMLIFrameElement,
  ) {
    window.addEventListener('message', (event) => this.receive(event));
  }

  /** Loads the lecture at `url` (of this origin only) into both previews, once. */
  load(url: string): void {
    if (url === this.url || new URL(url, window.location.href).origin !== window.location.origin) return;
    this.url = url;
    this.ready.clear();
    this.current.src = `${url}?${PREVIEW_QUERY}`;
    this.upcoming.src = `${url}?${PREVIEW_QUERY}`;
  }

  show(state: RevealState): void {
    // The overview belongs to the window where the lecturer navigates.
    this.state = { ...state, overview: false };
    this.drive(this.current);
    this.drive(this.upcoming);
  }

  private drive(frame: HTMLIFrameElement): void {
    const preview = frame.contentWindow;
    if (!preview || !this.state || !this.ready.has(preview)) return;
    const origin = window.location.origin;
    preview.postMessage(JSON.stringify({ method: 'setState', args: [this.state] }), origin);
    if (frame === this.upcoming) preview.postMessage(JSON.stringify({ method: 'next' }), origin);
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== window.location.origin || !isReady(event.data)) return;
    for (const frame of [this.current, this.upcoming]) {
      if (frame.contentWindow && event.source === frame.contentWindow) {
        this.ready.add(frame.contentWindow);
        this.drive(frame);
      }
    }
  }
}

/** reveal.js's `ready` event, as a deck with postMessageEvents posts it to its parent. */
function isReady(data: unknown): boolean {
  if (typeof data !== 'string' || !data.startsWith('{')) return false;
  try {
    const message = JSON.parse(data) as { namespace?: unknown; eventName?: unknown };
    return message.namespace === 'reveal' && message.eventName === 'ready';
  } catch {
    return false;
  }
}
