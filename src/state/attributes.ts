/**
 * Reading <lp-playground>'s attributes into settings. An attribute cannot
 * throw at its author, so a bad value falls back to the default and comes
 * back as a notice that names it.
 */
import { applySettings, DEFAULT_SETTINGS, parseWeightPair, type TrainingSettings } from './settings';

export type DatasetName = 'tutorial' | 'gaussians';
export type EnginePreference = 'auto' | 'gpu' | 'cpu';

export interface PlaygroundAttributes {
  readonly dataset: string | null;
  readonly learningRate: string | null;
  readonly initialWeights: string | null;
  readonly bias: boolean;
  readonly reduction: string | null;
  readonly engine: string | null;
}

export interface ParsedAttributes {
  readonly dataset: DatasetName;
  readonly engine: EnginePreference;
  readonly settings: TrainingSettings;
  /** One line per attribute that was ignored, saying why. */
  readonly notices: string[];
}

function oneOf<T extends string>(name: string, value: string | null, allowed: readonly T[], notices: string[]): T {
  const fallback = allowed[0] as T;
  if (value === null || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  notices.push(`${name}="${value}" is not one of ${allowed.join(', ')}; using "${fallback}".`);
  return fallback;
}

export function parseAttributes(attrs: PlaygroundAttributes): ParsedAttributes {
  const notices: string[] = [];
  const dataset = oneOf('dataset', attrs.dataset, ['tutorial', 'gaussians'] as const, notices);
  const engine = oneOf('engine', attrs.engine, ['auto', 'gpu', 'cpu'] as const, notices);
  let settings = applySettings(DEFAULT_SETTINGS, {
    bias: attrs.bias,
    reduction: oneOf('reduction', attrs.reduction, ['sum', 'mean'] as const, notices),
  });
  const tryApply = (name: string, value: string | null, read: (v: string) => Partial<TrainingSettings>) => {
    if (value === null) return;
    try {
      settings = applySettings(settings, read(value));
    } catch (error) {
      notices.push(`${name}="${value}" was ignored: ${(error as Error).message}.`);
    }
  };
  tryApply('learning-rate', attrs.learningRate, (v) => ({ learningRate: v.trim() === '' ? Number.NaN : Number(v) }));
  tryApply('initial-weights', attrs.initialWeights, (v) => ({ initialWeights: parseWeightPair(v) }));
  return { dataset, engine, settings, notices };
}
