/**
 * The checks of a race (src/model/race.ts): none, or two to six racers, each
 * a known optimiser with an η and, for momentum and Nesterov, a β within the
 * limits the single optimiser has; and how a race reads and writes as text
 * in a link or an attribute ("gd:0.05,momentum:0.01:0.9").
 */
import { OPTIMIZERS } from '../model/optimizers';
import { MAX_RACERS, type Racer } from '../model/race';
import { LIMITS, SettingError } from './settings';
import { checkChoice, checkNumber, shown, textNumber } from './value-checks';

/** What the screen calls racer k (0-based): "racer 1" is the model itself. */
export function racerLabel(k: number): string {
  return `racer ${k + 1}`;
}

const RACER_KEYS = ['optimizer', 'learningRate', 'momentum'];

function checkRacer(value: unknown, k: number): Racer {
  const label = racerLabel(k);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingError(`${label} must be { optimizer, learningRate, momentum? }, got ${shown(value)}`);
  }
  const given = value as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !RACER_KEYS.includes(key));
  if (unknown !== undefined) throw new SettingError(`${label} has no setting "${unknown}"`);
  const optimizer = checkChoice(`${label}'s optimiser`, given.optimizer, OPTIMIZERS);
  const learningRate = checkNumber(`${label}'s η`, given.learningRate, LIMITS.learningRate);
  if (given.momentum === undefined) return { optimizer, learningRate };
  return { optimizer, learningRate, momentum: checkNumber(`${label}'s β`, given.momentum, LIMITS.momentum) };
}

/** No race (an empty list), or two to MAX_RACERS racers, each checked; a SettingError names a bad one. */
export function checkRaceSetting(value: unknown): readonly Racer[] {
  if (!Array.isArray(value)) throw new SettingError(`the race must be a list of racers, got ${shown(value)}`);
  if (value.length === 1 || value.length > MAX_RACERS) {
    throw new SettingError(`a race has 2 to ${MAX_RACERS} racers (or none), got ${value.length}`);
  }
  return value.map(checkRacer);
}

/** "gd:0.05,momentum:0.01:0.9" to racers for checkRaceSetting ("" is no race). */
export function parseRace(text: string): unknown {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const [optimizer, eta, beta, ...rest] = part.split(':');
    if (rest.length > 0) return part;
    return {
      optimizer,
      learningRate: eta === undefined ? undefined : textNumber(eta),
      ...(beta === undefined ? {} : { momentum: textNumber(beta) }),
    };
  });
}

export function formatRace(race: readonly Racer[]): string {
  return race
    .map((r) => [r.optimizer, r.learningRate, ...(r.momentum === undefined ? [] : [r.momentum])].join(':'))
    .join(',');
}
