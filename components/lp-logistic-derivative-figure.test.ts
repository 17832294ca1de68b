import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-logistic-derivative-figure';
import type { LpLogisticDerivativeFigure } from './lp-logistic-derivative-figure';
import { drawn, handle, num, part, plotRect, press, readout, reappendAt } from './testing/figure';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The figure at a fixed width, drawn: its frame has measured itself and laid the plot out. */
async function figure(z: string): Promise<LpLogisticDerivativeFigure> {
  const el = await mount<LpLogisticDerivativeFigure>(
    html`<lp-logistic-derivative-figure z=${z} style="display:block; width:480px"></lp-logistic-derivative-figure>`,
  );
  await drawn(el);
  return el;
}

/** A point of the frame in data units: z on [−6, 6], the value on [0, 1]. */
function data(el: Element, px: number, py: number): [number, number] {
  const p = plotRect(el);
  return [-6 + (12 * (px - p.left)) / p.width, (p.top + p.height - py) / p.height];
}

/** The tangent's slope and where it passes z, in data units. */
function tangent(el: Element): { slope: number; through: [number, number] } {
  const lines = el.shadowRoot?.querySelectorAll('line.tangent') ?? [];
  expect(lines.length).toBe(1);
  const line = lines[0] as SVGLineElement;
  const [za, ya] = data(el, num(line, 'x1'), num(line, 'y1'));
  const [zb, yb] = data(el, num(line, 'x2'), num(line, 'y2'));
  return { slope: (yb - ya) / (zb - za), through: [(za + zb) / 2, (ya + yb) / 2] };
}

describe('<lp-logistic-derivative-figure>', () => {
  it('shows σ′(0) = 1/4, its maximum, marked at (0, 0.25), and the tangent through (0, 0.5) with slope 1/4', async () => {
    const el = await figure('0');
    expect(readout(el, 'z')).toBe('0.0000');
    expect(readout(el, 'y')).toBe('0.5000');
    expect(readout(el, 'dy')).toBe('0.2500');
    const max = part(el, 'circle.maximum');
    const [mz, my] = data(el, num(max, 'cx'), num(max, 'cy'));
    expect(mz).toBeCloseTo(0, 3);
    expect(my).toBeCloseTo(0.25, 3);
    expect(part(el, 'g.extras text').textContent).toBe('max ¼ at z = 0');
    const t = tangent(el);
    expect(t.slope).toBeCloseTo(0.25, 3);
    expect(t.through[0]).toBeCloseTo(0, 3);
    expect(t.through[1]).toBeCloseTo(0.5, 3);
    expect(
      [...(el.shadowRoot?.querySelectorAll('[part=legend] li') ?? [])].map((li) => li.textContent?.trim()),
    ).toEqual(['σ(z)', 'σ′(z) = σ(z)(1 − σ(z))']);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('shows σ′(2) = σ(2)(1 − σ(2)) = 0.1050 with the tangent touching σ at (2, 0.8808)', async () => {
    const el = await figure('2');
    expect(readout(el, 'y')).toBe('0.8808');
    expect(readout(el, 'dy')).toBe('0.1050');
    const t = tangent(el);
    expect(t.slope).toBeCloseTo(0.105, 3);
    expect(t.through[0]).toBeCloseTo(2, 3);
    expect(t.through[1]).toBeCloseTo(0.8808, 3);
    // The handle rides σ, not σ′.
    const [hz, hy] = data(el, num(part(el, 'g.handle circle'), 'cx'), num(part(el, 'g.handle circle'), 'cy'));
    expect(hz).toBeCloseTo(2, 3);
    expect(hy).toBeCloseTo(0.8808, 3);
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'σ(z) and its derivative σ′(z) = σ(z)(1 − σ(z)), with the tangent at z = 2.0000; σ′ is at most 1/4, at z = 0',
    );
  });

  it('moves z with the keyboard, and the tangent flattens where σ saturates', async () => {
    const el = await figure('0');
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(handle(el));
    const change = nextEvent<Event>(el, 'change');
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect((await change).type).toBe('change');
    expect(el.z).toBe(-1);
    for (let i = 0; i < 4; i++) press(el, 'ArrowLeft', { shiftKey: true });
    expect(el.z).toBe(-5);
    await settled(el);
    expect(readout(el, 'y')).toBe('0.0067');
    expect(readout(el, 'dy')).toBe('0.0066');
    expect(tangent(el).slope).toBeCloseTo(0.0066, 3);
    press(el, 'End');
    press(el, 'ArrowRight');
    expect(el.z).toBe(6);
  });

  it('says when z cannot be shown and shows z = 0 instead', async () => {
    const el = await figure('steep');
    expect(part(el, '.correction').textContent).toBe('z must be a number in −6.000 … 6.000; showing z = 0.0000.');
    expect(readout(el, 'dy')).toBe('0.2500');
  });

  it('draws one tangent, not two, after it is taken out of the page and put back', async () => {
    const el = await figure('1');
    await reappendAt(el, 400);
    press(el, 'ArrowRight');
    await settled(el);
    expect(el.shadowRoot?.querySelectorAll('circle.maximum').length).toBe(1);
    expect(tangent(el).slope).toBeCloseTo(0.1874, 3);
  });
});
