import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import type { RocView } from '../src/controller/roc-cache';
import { rocCurve } from '../src/model/roc';
import './lp-roc-curve';
import { type LpRocCurve, rocPoint } from './lp-roc-curve';
import { mount, seriousViolations, settled } from './testing/mount';

const view = (probabilities: number[], targets: number[], n = targets.length): RocView => {
  const curve = rocCurve(probabilities, targets);
  if (!curve) throw new Error('no curve');
  return { curve, visited: targets.length, n };
};

async function drawn(el: LpRocCurve): Promise<SVGSVGElement> {
  await expect
    .poll(() => el.shadowRoot?.querySelector('svg.chart')?.getAttribute('width'), { interval: 5 })
    .not.toBeNull();
  await settled(el);
  return el.shadowRoot?.querySelector('svg.chart') as SVGSVGElement;
}

describe('<lp-roc-curve>', () => {
  const roc = view([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
  const confusion = { truePositive: 1, falseNegative: 1, trueNegative: 2, falsePositive: 0 };

  it('draws the curve from (0, 0) to (1, 1), the chance diagonal, and rings the threshold’s point', async () => {
    const el = await mount<LpRocCurve>(
      html`<lp-roc-curve style="width:300px;height:300px" .roc=${roc} .confusion=${confusion} threshold="0.5"></lp-roc-curve>`,
    );
    const svg = await drawn(el);
    expect(svg.querySelector('.title')?.textContent).toBe('AUC 0.750');
    const vertices = [...(svg.querySelector('.curve')?.getAttribute('d') ?? '').matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)];
    expect(vertices).toHaveLength(roc.curve.falsePositiveRate.length);
    expect(svg.querySelector('circle.current')?.getAttribute('data-rates')).toBe('0,0.5');
    expect(svg.querySelector('circle.current')?.getAttribute('visibility')).toBe('visible');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('says when the curve is an estimate from a sample, and when a class is missing', async () => {
    const el = await mount<LpRocCurve>(
      html`<lp-roc-curve style="width:300px;height:300px" .roc=${{ ...roc, n: 400_000 }}></lp-roc-curve>`,
    );
    const svg = await drawn(el);
    expect(svg.querySelector('.title')?.textContent).toBe('AUC 0.750 (from 4 of 400\u202f000)');
    // With a test set, its curve dotted beside the training one, and its AUC.
    el.testRoc = view([0.2, 0.6, 0.4, 0.3], [0, 0, 1, 1]).curve;
    await settled(el);
    expect(svg.querySelector('.title')?.textContent).toBe('AUC 0.750 (from 4 of 400\u202f000) · test 0.500');
    expect(svg.querySelector('.test-curve')?.getAttribute('d')).toMatch(/^M/);
    el.roc = undefined;
    el.testRoc = undefined;
    await settled(el);
    expect(svg.querySelector('.title')?.textContent).toBe('no ROC: one class only');
    expect(svg.querySelector('circle.current')?.getAttribute('visibility')).toBe('hidden');
  });

  it('places a confusion matrix at its false- and true-positive rates, nowhere without both classes', () => {
    expect(rocPoint(confusion)).toEqual([0, 0.5]);
    expect(rocPoint({ truePositive: 3, falseNegative: 0, trueNegative: 0, falsePositive: 0 })).toBeUndefined();
  });
});
