/**
 * Reading <lp-playground>'s attributes into settings. An attribute cannot
 * throw at its author, so a bad value falls back to the default and comes
 * back as a notice that names it. Which attributes exist, and how each reads,
 * comes from the settings table.
 */
import { DEFAULT_ENGINE, ENGINE_PREFERENCES, type EnginePreference } from '../engine/engine-preference';
import { attributeIgnored, engineAttributeIgnored } from '../text/messages';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from './playground-settings';
import { attributeSettings } from './settings-schema';

export interface ParsedAttributes {
  readonly engine: EnginePreference;
  readonly settings: PlaygroundSettings;
  /** One line per attribute that was ignored, saying why. */
  readonly notices: string[];
}

/** An attribute's text: only the object's own entries count, never one a prototype lends (`toString`…). */
function own(attributes: Readonly<Record<string, string | null>>, name: string): string | null {
  return Object.hasOwn(attributes, name) ? (attributes[name] ?? null) : null;
}

/**
 * `attributes` maps attribute names to their text (null when absent; a
 * boolean attribute that is present reads as "1").
 */
export function parseAttributes(
  attributes: Readonly<Record<string, string | null>>,
  defaults: PlaygroundSettings = DEFAULT_PLAYGROUND,
): ParsedAttributes {
  const notices: string[] = [];
  let settings = defaults;
  for (const setting of attributeSettings()) {
    const name = setting.attribute as string;
    const text = own(attributes, name);
    if (text === null) continue;
    try {
      settings = setting.applyText(settings, text);
    } catch (error) {
      notices.push(attributeIgnored(name, text, (error as Error).message));
    }
  }
  const engineText = own(attributes, 'engine');
  let engine = DEFAULT_ENGINE;
  if (engineText !== null && engineText !== '') {
    if ((ENGINE_PREFERENCES as readonly string[]).includes(engineText)) engine = engineText as EnginePreference;
    else notices.push(engineAttributeIgnored(engineText, ENGINE_PREFERENCES, DEFAULT_ENGINE));
  }
  return { engine, settings, notices };
}
