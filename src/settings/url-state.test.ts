import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_NAMES } from '../fuzz/arbitraries';
import { FEATURES } from '../model/features';
import { DEFAULT_PLAYGROUND, DRAWN_BY, type PlaygroundSettings } from './playground-settings';
import { applyChange } from './settings-change';
import { PRESETS } from './settings-schema';
import { decodeSettings, encodeSettings } from './url-state';

describe('URL hash', () => {
  it('is empty for the defaults', () => {
    expect(encodeSettings(DEFAULT_PLAYGROUND)).toBe('');
    expect(decodeSettings('')).toEqual({ settings: DEFAULT_PLAYGROUND, notices: [] });
  });

  it('ignores the data settings of a link that carries its own data, saying so: the settings describe the data shown', () => {
    const decoded = decodeSettings('#preset=gaussians&n=500&std=2&lr=0.1&data=abc');
    expect(decoded.settings).toEqual(applyChange(DEFAULT_PLAYGROUND, { training: { learningRate: 0.1 } }));
    expect(decoded.notices).toEqual([
      'The link carries its own data: its "preset=gaussians", "n=500", "std=2" were ignored (they describe other data).',
    ]);
    expect(decodeSettings('#lr=0.1&data=abc').notices).toEqual([]);
    expect(decodeSettings('#data=abc&seed=3').notices).toEqual([
      'The link carries its own data: its "seed=3" was ignored (they describe other data).',
    ]);
  });

  it('writes only what differs, readably', () => {
    const s = applyChange(DEFAULT_PLAYGROUND, {
      preset: 'gaussians',
      gaussians: { perClass: 500, mean1: [2, -1] },
      training: { learningRate: 0.1, initialWeights: [1, -2], bias: true, reduction: 'mean' },
      speed: { unit: 'per-frame', value: 5 },
    });
    expect(encodeSettings(s)).toBe('#preset=gaussians&mean1=2,-1&n=500&lr=0.1&w0=1,-2&bias=1&cost=mean&speed=5/frame');
  });

  it('round-trips any valid settings', () => {
    const settings = fc.record({
      preset: fc.constantFrom(...PRESETS),
      noise: fc.double({ min: 0, max: 4, noNaN: true }),
      features: fc.subarray([...FEATURES], { minLength: 2 }),
      l2: fc.double({ min: 0, max: 1000, noNaN: true }),
      threshold: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      perClass: fc.integer({ min: 1, max: 1_000_000 }),
      std: fc.double({ min: 0.01, max: 10, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      mx: fc.double({ min: -100, max: 100, noNaN: true }),
      lr: fc.double({ min: 1e-6, max: 10, noNaN: true }),
      w1: fc.double({ min: -1000, max: 1000, noNaN: true }),
      b: fc.double({ min: -1000, max: 1000, noNaN: true }),
      bias: fc.boolean(),
      reduction: fc.constantFrom('sum' as const, 'mean' as const),
      batch: fc.integer({ min: 0, max: 2_000_000 }),
      perFrame: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(settings, (r) => {
        const s: PlaygroundSettings = applyChange(DEFAULT_PLAYGROUND, {
          preset: r.preset,
          gaussians: { perClass: r.perClass, std: r.std, seed: r.seed, mean0: [r.mx, 0], noise: r.noise },
          training: {
            learningRate: r.lr,
            features: r.features,
            initialWeights: r.features.map((_, j) => (j % 2 === 0 ? r.w1 : 0 - r.w1)),
            l2: r.l2,
            threshold: r.threshold,
            initialBias: r.b,
            bias: r.bias,
            reduction: r.reduction,
            batchSize: r.batch,
          },
          speed: { unit: 'per-frame', value: r.perFrame },
        });
        const back = decodeSettings(encodeSettings(s));
        expect(back.notices).toEqual([]);
        // A draw setting is written only for the presets drawn from it; compare what the link carries.
        expect({ ...back.settings, gaussians: s.gaussians }).toEqual(s);
        for (const key of DRAWN_BY[s.preset]) expect(back.settings.gaussians[key], key).toEqual(s.gaussians[key]);
      }),
    );
  });

  it.each([
    ['lr=-1', /"lr=-1" was ignored \(η must be between/],
    ['lr=abc', /"lr=abc" was ignored \(η must be a number between 1e-6 and 10, got "abc"/],
    ['n=0', /"n=0" was ignored \(per class must be between 1 and 1\u202f000\u202f000/],
    ['n=2.5', /"n=2.5" was ignored \(per class must be a whole number/],
    ['std=0', /"std=0" was ignored/],
    ['w0=1', /"w0=1" was ignored \(w\(0\) must have one number per feature \(2: x₁, x₂\), got 1: 1\)/],
    ['features=x1', /"features=x1" was ignored \(features must hold at least 2 different features/],
    ['features=x1,x9', /"features=x1,x9" was ignored \(features has no feature "x9"/],
    ['l2=-1', /"l2=-1" was ignored \(L2 λ must be between 0 and 1000/],
    ['threshold=1', /"threshold=1" was ignored \(threshold must be between 0.01 and 0.99/],
    ['noise=9', /"noise=9" was ignored \(noise must be between 0 and 4/],
    ['cost=max', /"cost=max" was ignored \(cost must be "sum" or "mean"/],
    ['bias=yes', /"bias=yes" was ignored/],
    ['preset=iris', /"preset=iris" was ignored/],
    ['speed=fast', /"speed=fast" was ignored/],
    ['speed=5000/frame', /"speed=5000\/frame" was ignored/],
    ['seed=-1', /"seed=-1" was ignored/],
    ['zoom=2', /"zoom=2" is not a setting/],
  ])('falls back on %s and names it', (hash, message) => {
    const decoded = decodeSettings(`#${hash}`);
    expect(decoded.settings).toEqual(DEFAULT_PLAYGROUND);
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]).toMatch(message);
  });

  it('reads digit groups as people write them', () => {
    expect(decodeSettings('#preset=gaussians&n=1%20000%20000').settings.gaussians.perClass).toBe(1_000_000);
    expect(decodeSettings('#preset=gaussians&n=250,000').settings.gaussians.perClass).toBe(250_000);
  });

  it('never says NaN', () => {
    for (const hash of ['#lr=', '#w0=a,b', '#n=', '#speed=/s', '#std=1e999']) {
      expect(decodeSettings(hash).notices.join(' ')).not.toMatch(/NaN/);
    }
  });

  it('says a number beyond any double is out of range, not "not a number"', () => {
    const [notice] = decodeSettings('#lr=1e309').notices;
    expect(notice).toMatch(/\(η must be between 1e-6 and 10, got "1e309"\)/);
    expect(notice).not.toMatch(/a number/);
  });

  it('quotes a long value only in part', () => {
    const long = '1'.repeat(400);
    for (const hash of [`#lr=${long}`, `#w0=${long},1`, `#x${long}=1`, `#zoom=${long}`]) {
      const [notice] = decodeSettings(hash).notices;
      expect(notice?.length).toBeLessThan(200);
      expect(notice).not.toMatch(/1{25}/);
    }
  });

  it('reads numbers with the syntax of every other door: no hex, binary or octal', () => {
    for (const hash of ['#lr=0x1', '#lr=0b1', '#lr=0o1', '#n=0x10&preset=gaussians', '#w0=0x1,1', '#lr=Infinity']) {
      const decoded = decodeSettings(hash);
      expect(decoded.settings.training).toEqual(DEFAULT_PLAYGROUND.training);
      expect(decoded.settings.gaussians).toEqual(DEFAULT_PLAYGROUND.gaussians);
      expect(decoded.notices).toHaveLength(1);
    }
  });

  it.each(MEMBER_NAMES)('names a key called %s as no setting, and applies the rest', (key) => {
    const decoded = decodeSettings(`#${key}=1&lr=0.2`);
    expect(decoded.settings.training.learningRate).toBe(0.2);
    expect(decoded.notices).toEqual([`The link's "${key}=1" is not a setting of this page; it was ignored.`]);
  });

  it('reads w(0) against the features wherever the link names them, and carries w(0) to new features', () => {
    const late = decodeSettings('#w0=1,2,3&features=x1,x2,x1^2');
    expect(late.notices).toEqual([]);
    expect(late.settings.training.initialWeights).toEqual([1, 2, 3]);
    const carried = decodeSettings('#features=x2,x1*x2');
    expect(carried.settings.training.features).toEqual(['x2', 'x1*x2']);
    expect(carried.settings.training.initialWeights).toEqual([-2, 0]);
  });

  it('keeps the good values of a link with one bad one', () => {
    const decoded = decodeSettings('#lr=0.2&n=oops&preset=gaussians&cost=mean');
    expect(decoded.settings.training.learningRate).toBe(0.2);
    expect(decoded.settings.preset).toBe('gaussians');
    expect(decoded.settings.training.reduction).toBe('mean');
    expect(decoded.settings.gaussians.perClass).toBe(DEFAULT_PLAYGROUND.gaussians.perClass);
    expect(decoded.notices).toEqual([expect.stringContaining('"n=oops"')]);
  });

  it('reads a hash without its leading #, and a later # as part of a value', () => {
    expect(decodeSettings('cost=mean&zoom=#2')).toEqual({
      settings: applyChange(DEFAULT_PLAYGROUND, { training: { reduction: 'mean' } }),
      notices: ['The link\'s "zoom=#2" is not a setting of this page; it was ignored.'],
    });
  });
});
