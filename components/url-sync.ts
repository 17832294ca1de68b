/**
 * Mirrors the shareable settings to the page's URL hash: each change is a
 * history entry (so Back undoes it), except changes within a second of the
 * last (a slider being dragged), which replace it. Back/forward and hand
 * edits of the hash come back through `onNavigate`.
 */
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from '../src/state/playground-settings';
import { type DecodedSettings, decodeSettings, encodeSettings } from '../src/state/url-state';

const COALESCE_MS = 1000;

export class UrlSync {
  private lastPush = Number.NEGATIVE_INFINITY;
  private written = '';

  constructor(
    private readonly onNavigate: (decoded: DecodedSettings) => void,
    private readonly defaults: PlaygroundSettings = DEFAULT_PLAYGROUND,
  ) {
    window.addEventListener('hashchange', this.navigated);
    window.addEventListener('popstate', this.navigated);
  }

  read(): DecodedSettings {
    this.written = window.location.hash;
    return decodeSettings(window.location.hash, this.defaults);
  }

  write(settings: PlaygroundSettings): void {
    const hash = encodeSettings(settings, this.defaults);
    if (hash === this.written && hash === window.location.hash) return;
    this.written = hash;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    const now = performance.now();
    if (now - this.lastPush < COALESCE_MS) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    this.lastPush = now;
  }

  dispose(): void {
    window.removeEventListener('hashchange', this.navigated);
    window.removeEventListener('popstate', this.navigated);
  }

  private navigated = (): void => {
    // Our own writes do not fire these events; anything arriving here is the user's.
    if (window.location.hash === this.written) return;
    this.written = window.location.hash;
    this.onNavigate(this.read());
  };
}
