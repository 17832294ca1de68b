/**
 * The shareable settings as a URL hash, e.g.
 * `#preset=gaussians&n=500&lr=0.1&w0=1,-2&bias=1&cost=mean&speed=10/s`.
 * Only values that differ from the defaults are written, so links stay short.
 * Reading is forgiving: a bad or out-of-range value falls back to its default
 * and comes back as a notice that names it; the rest of the link still applies.
 */
import {
  applyChange,
  DEFAULT_PLAYGROUND,
  type PlaygroundSettings,
  PRESETS,
  type Preset,
  type SettingsChange,
} from './playground-settings';

function pair(values: readonly [number, number]): string {
  return `${values[0]},${values[1]}`;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function encodeSettings(s: PlaygroundSettings, defaults: PlaygroundSettings = DEFAULT_PLAYGROUND): string {
  const p = new URLSearchParams();
  const g = s.gaussians;
  const dg = defaults.gaussians;
  const t = s.training;
  const dt = defaults.training;
  if (s.preset !== defaults.preset) p.set('preset', s.preset);
  if (s.preset === 'gaussians') {
    if (!same(g.mean0, dg.mean0)) p.set('mean0', pair(g.mean0));
    if (!same(g.mean1, dg.mean1)) p.set('mean1', pair(g.mean1));
    if (g.std !== dg.std) p.set('std', String(g.std));
    if (g.perClass !== dg.perClass) p.set('n', String(g.perClass));
    if (g.seed !== dg.seed) p.set('seed', String(g.seed));
  }
  if (t.learningRate !== dt.learningRate) p.set('lr', String(t.learningRate));
  if (!same(t.initialWeights, dt.initialWeights)) p.set('w0', pair(t.initialWeights));
  if (t.initialBias !== dt.initialBias) p.set('b0', String(t.initialBias));
  if (t.bias !== dt.bias) p.set('bias', t.bias ? '1' : '0');
  if (t.reduction !== dt.reduction) p.set('cost', t.reduction);
  if (t.batchSize !== dt.batchSize) p.set('batch', String(t.batchSize));
  if (s.speed.unit !== defaults.speed.unit || s.speed.value !== defaults.speed.value) {
    p.set('speed', `${s.speed.value}/${s.speed.unit === 'per-second' ? 's' : 'frame'}`);
  }
  const text = p.toString();
  // URLSearchParams escapes commas and slashes; both are safe in a fragment and easier to read.
  return text === '' ? '' : `#${text.replace(/%2C/g, ',').replace(/%2F/g, '/')}`;
}

export interface DecodedSettings {
  readonly settings: PlaygroundSettings;
  /** One line per value that was ignored, naming it. */
  readonly notices: string[];
}

function number(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function numberPair(text: string): [number, number] {
  const parts = text.split(',');
  if (parts.length !== 2) return [Number.NaN, Number.NaN];
  return [number(parts[0] as string), number(parts[1] as string)];
}

/** Each key of the hash, and the change it asks for. */
const READERS: Record<string, (value: string) => SettingsChange> = {
  preset: (v) => ({ preset: (PRESETS.includes(v as Preset) ? v : `invalid:${v}`) as Preset }),
  mean0: (v) => ({ gaussians: { mean0: numberPair(v) } }),
  mean1: (v) => ({ gaussians: { mean1: numberPair(v) } }),
  std: (v) => ({ gaussians: { std: number(v) } }),
  n: (v) => ({ gaussians: { perClass: number(v) } }),
  seed: (v) => ({ gaussians: { seed: number(v) } }),
  lr: (v) => ({ training: { learningRate: number(v) } }),
  w0: (v) => ({ training: { initialWeights: numberPair(v) } }),
  b0: (v) => ({ training: { initialBias: number(v) } }),
  bias: (v) => ({ training: { bias: v === '1' ? true : v === '0' ? false : (v as unknown as boolean) } }),
  cost: (v) => ({ training: { reduction: v as 'sum' } }),
  batch: (v) => ({ training: { batchSize: v === 'full' ? 0 : number(v) } }),
  speed: (v) => {
    const match = /^([^/]+)\/(s|frame)$/.exec(v);
    if (!match) return { speed: { unit: v as 'per-second' } };
    return { speed: { value: number(match[1] as string), unit: match[2] === 's' ? 'per-second' : 'per-frame' } };
  },
};

export function decodeSettings(hash: string, defaults: PlaygroundSettings = DEFAULT_PLAYGROUND): DecodedSettings {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let settings = defaults;
  const notices: string[] = [];
  for (const [key, value] of params) {
    const read = READERS[key];
    if (!read) {
      notices.push(`The link's "${key}=${value}" is not a setting of this page; it was ignored.`);
      continue;
    }
    try {
      settings = applyChange(settings, read(value));
    } catch (error) {
      notices.push(`The link's "${key}=${value}" was ignored (${(error as Error).message}); the default is used.`);
    }
  }
  return { settings, notices };
}
