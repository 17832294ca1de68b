/**
 * The link the "Copy link" button copies: the page's address with every
 * setting that differs from the defaults and, when the data are custom and
 * small enough, the data themselves, so that whoever opens it sees the same
 * experiment. What a link cannot carry, the page says.
 */
import type { Dataset } from '../model/dataset';
import { importedNote, linkMissesData, SOURCE } from '../text/messages';
import { encodeLinkData, fitsInLink, LINK_DATA_KEY, LINK_MAX_POINTS, linkNote } from './link-data';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from './playground-settings';
import { encodeSettings } from './url-state';

export interface SharedLink {
  readonly url: string;
  /** What the link leaves out, in words ('' when it carries everything). */
  readonly missing: string;
}

/**
 * The link for `settings` and, when `custom` is given (data that no preset
 * describes), those data; `page` is the address without its hash.
 */
export async function shareLink(page: string, settings: PlaygroundSettings, custom?: Dataset): Promise<SharedLink> {
  const hash = encodeSettings(settings, DEFAULT_PLAYGROUND);
  if (!custom) return { url: `${page}${hash}`, missing: '' };
  const n = custom.targets.length;
  if (!fitsInLink(n)) {
    return { url: `${page}${hash}`, missing: linkMissesData(n, LINK_MAX_POINTS) };
  }
  const data = `${LINK_DATA_KEY}=${await encodeLinkData(custom)}`;
  return { url: `${page}${hash ? `${hash}&` : '#'}${data}`, missing: '' };
}

/** The `data` value of a link's hash, if it has one. */
export function linkDataValue(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(LINK_DATA_KEY) ?? undefined;
}

/** Data a link brought, with the note the page shows on them. */
export function linkedData(data: Dataset): { readonly dataset: Dataset; readonly note: string } {
  return {
    dataset: data,
    note: importedNote(SOURCE.sharedLink, data.targets.length, linkNote(data.targets.length)),
  };
}
