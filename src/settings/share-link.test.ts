/**
 * The link "Copy link" copies: the settings that differ from the defaults,
 * and custom data when few enough travel; what it cannot carry, said.
 */
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { importedNote, linkMissesData, SOURCE } from '../text/messages';
import { decodeLinkData, LINK_MAX_POINTS, linkNote } from './link-data';
import { DEFAULT_PLAYGROUND } from './playground-settings';
import { applyChange } from './settings-change';
import { linkDataValue, linkedData, shareLink } from './share-link';
import { encodeSettings } from './url-state';

const PAGE = 'https://example.org/play/';
const TWO = datasetFromRows([
  [0.5, -1, 0],
  [2, 3, 1],
]);

function pointsOf(n: number) {
  return datasetFromRows(Array.from({ length: n }, (_, i) => [i, -i, (i % 2) as 0 | 1] as const));
}

describe('shareLink', () => {
  it('is the bare page for the defaults, and the page with its hash otherwise', async () => {
    expect(await shareLink(PAGE, DEFAULT_PLAYGROUND)).toEqual({ url: PAGE, missing: '' });
    const settings = applyChange(DEFAULT_PLAYGROUND, { training: { learningRate: 0.2 } });
    const hash = encodeSettings(settings);
    expect(hash).toMatch(/^#./);
    expect(await shareLink(PAGE, settings)).toEqual({ url: `${PAGE}${hash}`, missing: '' });
  });

  it('carries custom data after the settings, or alone after a # when the settings are the defaults', async () => {
    const settings = applyChange(DEFAULT_PLAYGROUND, { training: { learningRate: 0.2 } });
    const withSettings = await shareLink(PAGE, settings, TWO);
    expect(withSettings.missing).toBe('');
    expect(withSettings.url.startsWith(`${PAGE}${encodeSettings(settings)}&data=`)).toBe(true);
    const alone = await shareLink(PAGE, DEFAULT_PLAYGROUND, TWO);
    expect(alone.url.startsWith(`${PAGE}#data=`)).toBe(true);
    // What travels is the data themselves.
    for (const { url } of [withSettings, alone]) {
      const value = linkDataValue(new URL(url).hash);
      expect(value).toBeDefined();
      const back = await decodeLinkData(value as string);
      expect(back.points).toEqual(TWO.points);
      expect(back.targets).toEqual(TWO.targets);
    }
  });

  it('carries up to LINK_MAX_POINTS points, and says so when there are more', async () => {
    const most = await shareLink(PAGE, DEFAULT_PLAYGROUND, pointsOf(LINK_MAX_POINTS));
    expect(most.missing).toBe('');
    expect(most.url).toContain('#data=');
    const n = LINK_MAX_POINTS + 1;
    expect(await shareLink(PAGE, DEFAULT_PLAYGROUND, pointsOf(n))).toEqual({
      url: PAGE,
      missing: linkMissesData(n, LINK_MAX_POINTS),
    });
  });
});

describe('linkDataValue', () => {
  it('reads the data value of a hash, with or without its #, and nothing when there is none', () => {
    expect(linkDataValue('#lr=0.2&data=abc')).toBe('abc');
    expect(linkDataValue('data=xyz')).toBe('xyz');
    expect(linkDataValue('#lr=0.2')).toBeUndefined();
    expect(linkDataValue('')).toBeUndefined();
    // Only a leading # is the hash's own; one further on is part of a value.
    expect(linkDataValue('##data=q')).toBeUndefined();
    expect(linkDataValue('data=a#b')).toBe('a#b');
  });
});

describe('linkedData', () => {
  it('keeps the data and notes where they came from', () => {
    const { dataset, note } = linkedData(TWO);
    expect(dataset).toBe(TWO);
    expect(note).toBe(importedNote(SOURCE.sharedLink, 2, linkNote(2)));
    expect(note).toBe('From a shared link: 2 points. A copied link carries them.');
  });
});
