/**
 * The shareable settings as a URL hash, e.g.
 * `#preset=gaussians&n=500&lr=0.1&w0=1,-2&bias=1&cost=mean&speed=10/s`.
 * Only values that differ from the defaults are written, so links stay short.
 * Reading is forgiving: a bad or out-of-range value falls back to its default
 * and comes back as a notice that names it; the rest of the link still applies.
 * The keys and their formats come from the settings table.
 */
import { quote } from '../model/quote';
import { LINK_DATA_KEY } from './link-data';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from './playground-settings';
import { linkEntries, settingForUrlKey } from './settings-schema';

export function encodeSettings(s: PlaygroundSettings, defaults: PlaygroundSettings = DEFAULT_PLAYGROUND): string {
  const text = new URLSearchParams(linkEntries(s, defaults)).toString();
  // URLSearchParams escapes commas and slashes; both are safe in a fragment and easier to read.
  return text === '' ? '' : `#${text.replace(/%2C/g, ',').replace(/%2F/g, '/')}`;
}

export interface DecodedSettings {
  readonly settings: PlaygroundSettings;
  /** One line per value that was ignored, naming it. */
  readonly notices: string[];
}

export function decodeSettings(hash: string, defaults: PlaygroundSettings = DEFAULT_PLAYGROUND): DecodedSettings {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let settings = defaults;
  const notices: string[] = [];
  for (const [key, value] of params) {
    // The data a link carries are read apart (link-data.ts): they need the CSV parser, and time.
    if (key === LINK_DATA_KEY) continue;
    const setting = settingForUrlKey(key);
    if (!setting) {
      notices.push(`The link's ${quote(`${key}=${value}`)} is not a setting of this page; it was ignored.`);
      continue;
    }
    try {
      settings = setting.applyText(settings, value);
    } catch (error) {
      notices.push(
        `The link's ${quote(`${key}=${value}`)} was ignored (${(error as Error).message}); the default is used.`,
      );
    }
  }
  return { settings, notices };
}
