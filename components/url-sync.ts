/**
 * Mirrors the shareable settings to the page's URL hash, as a reactive
 * controller that listens only while the element is connected and has
 * `sync-url`. Each change is a history entry (so Back undoes it), except
 * changes within a second of an entry (a slider being dragged), which update
 * it. Back/forward and hand edits of the hash come back through `onNavigate`.
 * Data a shared link carried stay in the hash while they are what the page
 * shows, so a reload keeps them; the first change of the data drops them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaygroundController } from '../src/controller/playground-controller';
import type { Dataset } from '../src/model/dataset';
import { decodeLinkData, LINK_DATA_KEY } from '../src/settings/link-data';
import { DEFAULT_PLAYGROUND, dataChanged, type PlaygroundSettings } from '../src/settings/playground-settings';
import { linkDataValue } from '../src/settings/share-link';
import { type DecodedSettings, decodeSettings, encodeSettings } from '../src/settings/url-state';
import { linkDataUnreadable, SOURCE } from '../src/text/messages';

const COALESCE_MS = 1000;

export interface UrlSyncHost extends ReactiveControllerHost {
  readonly syncUrl: boolean;
}

export class UrlSync implements ReactiveController {
  private lastPush = Number.NEGATIVE_INFINITY;
  private written = '';
  private listening = false;
  private connected = false;
  /** The data the link carried: its `data` value and what it decoded to. */
  private linked: { readonly value: string; readonly data: Dataset } | undefined;

  constructor(
    private readonly host: UrlSyncHost,
    private readonly onNavigate: (decoded: DecodedSettings) => void,
    private readonly defaults: PlaygroundSettings = DEFAULT_PLAYGROUND,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.hostUpdated();
  }

  /** Follows `sync-url`; an update that runs after a disconnect must not listen again. */
  hostUpdated(): void {
    if (!this.connected || this.host.syncUrl === this.listening) return;
    this.listening = this.host.syncUrl;
    if (this.listening) {
      window.addEventListener('hashchange', this.navigated);
      window.addEventListener('popstate', this.navigated);
    } else this.unlisten();
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.listening) this.unlisten();
    this.listening = false;
  }

  /** The settings the URL holds (with notices for bad values), or undefined without `sync-url` or a hash. */
  read(): DecodedSettings | undefined {
    if (!this.host.syncUrl || window.location.hash === '') return undefined;
    this.written = window.location.hash;
    const decoded = decodeSettings(window.location.hash, this.defaults);
    // Values that were refused leave the link: it says what the page now shows (without a new history entry).
    const cleaned = this.withData(encodeSettings(decoded.settings, this.defaults), linkDataValue(window.location.hash));
    if (decoded.notices.length > 0 && cleaned !== window.location.hash) this.replaceHash(cleaned);
    return decoded;
  }

  /** Puts `hash` in the address in place of the current one (no new history entry). */
  private replaceHash(hash: string): void {
    this.written = hash;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }

  /** The data the link carries, if it does and they are new (a notice says why they could not be read). */
  async readData(): Promise<{ data?: Dataset; notice?: string }> {
    const value = this.host.syncUrl ? linkDataValue(window.location.hash) : undefined;
    // Back to a hash with the data already shown: nothing new to read.
    if (value === undefined || value === this.linked?.value) return {};
    try {
      const data = await decodeLinkData(value);
      this.linked = { value, data };
      return { data };
    } catch (error) {
      // Refused data leave the address, as refused settings do: a reload or a bookmark must not repeat the failure.
      this.replaceHash(encodeSettings(decodeSettings(window.location.hash, this.defaults).settings, this.defaults));
      return { notice: linkDataUnreadable((error as Error).message) };
    }
  }

  /**
   * Applies what a hash the user went to says (Back, Forward, a link pasted
   * into this tab): its settings, and its data when it carries new ones.
   * Custom data stay unless the hash names other data, or Back went past the
   * link that brought them. Resolves to a notice when its data are unreadable.
   */
  async follow(controller: PlaygroundController, settings: PlaygroundSettings): Promise<string | undefined> {
    const { preset, gaussians, training, speed } = settings;
    const linked = await this.readData();
    if (linked.data) {
      await controller.change({ training, speed });
      await controller.loadDataset(linked.data, SOURCE.sharedLink);
      return undefined;
    }
    const data = controller.dataset;
    const leftLink = this.linked?.data === data && linkDataValue(window.location.hash) === undefined;
    const reload = leftLink || dataChanged(controller.settings, settings);
    await controller.change({ ...(reload ? { preset, gaussians } : {}), training, speed });
    return linked.notice;
  }

  /** Writes the settings, and the link's data while `data` are still those. */
  write(settings: PlaygroundSettings, data?: Dataset): void {
    if (!this.host.syncUrl) return;
    const kept = this.linked && data === this.linked.data ? this.linked.value : undefined;
    const hash = this.withData(encodeSettings(settings, this.defaults), kept);
    if (hash === this.written && hash === window.location.hash) return;
    this.written = hash;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    // Within a second of the last entry (a slider dragged), the entry is updated; later, a new one is made.
    const now = performance.now();
    if (now - this.lastPush < COALESCE_MS) window.history.replaceState(null, '', url);
    else {
      window.history.pushState(null, '', url);
      this.lastPush = now;
    }
  }

  private withData(hash: string, value: string | undefined): string {
    if (value === undefined) return hash;
    return `${hash ? `${hash}&` : '#'}${LINK_DATA_KEY}=${value}`;
  }

  private unlisten(): void {
    window.removeEventListener('hashchange', this.navigated);
    window.removeEventListener('popstate', this.navigated);
  }

  private navigated = (): void => {
    // Our own writes do not fire these events; anything arriving here is the user's.
    if (window.location.hash === this.written) return;
    this.written = window.location.hash;
    this.onNavigate(decodeSettings(window.location.hash, this.defaults));
  };
}
