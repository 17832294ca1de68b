import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-log-odds-figure';
import type { LpLogOddsFigure } from './lp-log-odds-figure';
import { drawn, handle, num, part, plotRect, readout, reappendAt } from './testing/figure';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The figure at a fixed width, drawn: its frame has measured itself and laid the plot out. */
async function figure(z: string): Promise<LpLogOddsFigure> {
  const el = await mount<LpLogOddsFigure>(
    html`<lp-log-odds-figure z=${z} style="display:block; width:480px"></lp-log-odds-figure>`,
  );
  await drawn(el);
  return el;
}

/** A point of the frame in data units: both axes run over [−6, 6]. */
function data(el: Element, px: number, py: number): [number, number] {
  const p = plotRect(el);
  return [-6 + (12 * (px - p.left)) / p.width, -6 + (12 * (p.top + p.height - py)) / p.height];
}

describe('<lp-log-odds-figure>', () => {
  it('shows log(0.7311 / 0.2689) = 1 at z = 1: the log-odds are z', async () => {
    const el = await figure('1');
    expect(readout(el, 'z')).toBe('1.0000');
    expect(readout(el, 'p1')).toBe('0.7311');
    expect(readout(el, 'p0')).toBe('0.2689');
    expect(readout(el, 'log-odds')).toBe('1.0000');
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'The log-odds against z: the line log-odds = z; at z = 1.0000',
    );
    expect(part(el, '.note').textContent).toContain('linear in x and in w');
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('draws the straight line log-odds = z, with the handle on it', async () => {
    const el = await figure('-2.5');
    const d = part(el, 'g.curves path.c0').getAttribute('d') ?? '';
    const numbers = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
    expect(numbers.length).toBe(2 * 241);
    for (let i = 0; i < numbers.length; i += 24) {
      const [z, odds] = data(el, numbers[i] as number, numbers[i + 1] as number);
      expect(odds).toBeCloseTo(z, 2);
    }
    const circle = part(el, 'g.handle circle');
    const [hz, hy] = data(el, num(circle, 'cx'), num(circle, 'cy'));
    expect(hz).toBeCloseTo(-2.5, 3);
    expect(hy).toBeCloseTo(-2.5, 3);
  });

  it('moves z by 0.1 on the arrow keys and to ±6 on Home and End, the log-odds following', async () => {
    const el = await figure('0');
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(handle(el));
    const change = nextEvent<Event>(el, 'change');
    await userEvent.keyboard('{ArrowDown}');
    expect((await change).type).toBe('change');
    expect(el.z).toBe(-0.1);
    await settled(el);
    expect(readout(el, 'log-odds')).toBe('−0.1000');
    expect(readout(el, 'p1')).toBe('0.4750');
    await userEvent.keyboard('{End}');
    expect(el.z).toBe(6);
    await settled(el);
    expect(readout(el, 'p0')).toBe('0.0025');
    expect(readout(el, 'log-odds')).toBe('6.0000');
  });

  it('shows z = −6 and says why when z is set below the range', async () => {
    const el = await figure('0');
    el.z = -7;
    await settled(el);
    expect(part(el, '.correction').textContent).toBe('z = −7.0000 is outside −6.000 … 6.000; showing z = −6.0000.');
    expect(readout(el, 'log-odds')).toBe('−6.0000');
    expect(handle(el).getAttribute('aria-valuenow')).toBe('-6');
  });

  it('follows its new size after it is taken out of the page and put back', async () => {
    const el = await figure('3');
    await reappendAt(el, 320);
    await settled(el);
    const circle = part(el, 'g.handle circle');
    const [hz, hy] = data(el, num(circle, 'cx'), num(circle, 'cy'));
    expect(hz).toBeCloseTo(3, 3);
    expect(hy).toBeCloseTo(3, 3);
  });
});
