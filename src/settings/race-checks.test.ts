import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND, trainingRestarts } from './playground-settings';
import { formatRace, parseRace } from './race-checks';
import { applyChange, checkChange } from './settings-change';
import { settingForUrlKey } from './settings-schema';

const RACE = [
  { optimizer: 'gd', learningRate: 0.05 },
  { optimizer: 'momentum', learningRate: 0.01, momentum: 0.8 },
  { optimizer: 'adam', learningRate: 0.3 },
] as const;

describe('the race setting', () => {
  it('reads and writes a link’s text, racer by racer, and no race as nothing', () => {
    expect(formatRace(RACE)).toBe('gd:0.05,momentum:0.01:0.8,adam:0.3');
    expect(parseRace('gd:0.05,momentum:0.01:0.8,adam:0.3')).toEqual(RACE);
    expect(parseRace('')).toEqual([]);
    const row = settingForUrlKey('race');
    expect(row?.applyText(DEFAULT_PLAYGROUND, 'gd:0.05,momentum:0.01:0.8,adam:0.3').training.race).toEqual(RACE);
  });

  it('refuses a race it cannot run, naming the racer and what is wrong', () => {
    const bad = (race: unknown) => () => applyChange(DEFAULT_PLAYGROUND, { training: { race: race as never } });
    expect(bad([RACE[0]])).toThrow('a race has 2 to 6 racers (or none), got 1');
    expect(bad(Array.from({ length: 7 }, () => RACE[0]))).toThrow('a race has 2 to 6 racers (or none), got 7');
    expect(bad([RACE[0], { optimizer: 'sgd', learningRate: 0.1 }])).toThrow(
      `racer 2's optimiser must be "gd", "momentum", "nesterov", "adam" or "newton", got "sgd"`,
    );
    expect(bad([RACE[0], { optimizer: 'gd', learningRate: 20 }])).toThrow("racer 2's η must be between");
    expect(bad([RACE[0], { optimizer: 'momentum', learningRate: 0.1, momentum: 1 }])).toThrow(
      "racer 2's β must be between 0 and 0.999, got 1",
    );
    expect(bad([RACE[0], { optimizer: 'gd', learningRate: 0.1, speed: 2 }])).toThrow('racer 2 has no setting "speed"');
    expect(bad('gd')).toThrow('the race must be a list of racers, got "gd"');
    expect(() => settingForUrlKey('race')?.applyText(DEFAULT_PLAYGROUND, 'gd:0.05:0.9:1,adam:0.1')).toThrow(
      'racer 1 must be',
    );
  });

  it('keeps racer 1 and the model one: a race names the model’s rule, and the model’s rule moves racer 1', () => {
    const racing = applyChange(DEFAULT_PLAYGROUND, { training: { race: [...RACE.slice(1), RACE[0]] } });
    expect(racing.training).toMatchObject({ optimizer: 'momentum', learningRate: 0.01, momentum: 0.8 });
    const faster = checkChange(racing, { training: { learningRate: 0.02 } });
    expect(faster.settings.training.race[0]).toEqual({ optimizer: 'momentum', learningRate: 0.02, momentum: 0.8 });
    // The change as passed carries the race it moved, so that a replay of it does the same.
    expect(faster.checked.training?.race).toEqual(faster.settings.training.race);
    // η of the model is not a new race: the weights stay; another rival is, and every racer starts again.
    expect(trainingRestarts(racing.training, faster.settings.training)).toBe(false);
    const other = applyChange(racing, { training: { race: [RACE[1], { optimizer: 'newton', learningRate: 1 }] } });
    expect(trainingRestarts(racing.training, other.training)).toBe(true);
    expect(trainingRestarts(racing.training, applyChange(racing, { training: { race: [] } }).training)).toBe(true);
  });
});
