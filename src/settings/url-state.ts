/**
 * The shareable settings as a URL hash, e.g.
 * `#preset=gaussians&n=500&lr=0.1&w0=1,-2&bias=1&cost=mean&speed=10/s`.
 * Only values that differ from the defaults are written, so links stay short.
 * Reading is forgiving: a bad or out-of-range value falls back to its default
 * and comes back as a notice that names it; the rest of the link still applies.
 * The keys and their formats come from the settings table.
 */
import { linkDataSettingsIgnored, linkUnknownSetting, linkValueIgnored } from '../text/messages';
import { LINK_DATA_KEY } from './link-data';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from './playground-settings';
import { DATA_SETTINGS, linkEntries, readFirst, settingForUrlKey } from './settings-schema';

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

/**
 * The settings a hash holds. A link that carries its own data (`data=`)
 * shows those data, so the data settings it also names (a preset, the
 * Gaussians') are ignored with one notice: the settings always describe
 * the data on the screen.
 */
export function decodeSettings(hash: string, defaults: PlaygroundSettings = DEFAULT_PLAYGROUND): DecodedSettings {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let settings = defaults;
  const notices: string[] = [];
  const ownData = params.has(LINK_DATA_KEY);
  const ignored: string[] = [];
  // w(0) is checked against the features, wherever the link names them; the rest in the link's order.
  const entries = [...params].sort(([a], [b]) => Number(readFirst(b)) - Number(readFirst(a)));
  for (const [key, value] of entries) {
    // The data a link carries are read apart (link-data.ts): they need the CSV parser, and time.
    if (key === LINK_DATA_KEY) continue;
    if (ownData && DATA_SETTINGS.some((s) => s.url === key)) {
      ignored.push(`${key}=${value}`);
      continue;
    }
    const setting = settingForUrlKey(key);
    if (!setting) {
      notices.push(linkUnknownSetting(key, value));
      continue;
    }
    try {
      settings = setting.applyText(settings, value);
    } catch (error) {
      notices.push(linkValueIgnored(key, value, (error as Error).message));
    }
  }
  if (ignored.length > 0) notices.push(linkDataSettingsIgnored(ignored));
  return { settings, notices };
}
