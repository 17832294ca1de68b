import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-cross-entropy-gradient-figure';
import type { LpCrossEntropyGradientFigure } from './lp-cross-entropy-gradient-figure';
import { drawn, handle, num, part, plotRect, press, readout, reappendAt } from './testing/figure';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The figure at a fixed width, drawn: its frame has measured itself and laid the plot out. */
async function figure(z: string): Promise<LpCrossEntropyGradientFigure> {
  const el = await mount<LpCrossEntropyGradientFigure>(
    html`<lp-cross-entropy-gradient-figure z=${z} style="display:block; width:480px"></lp-cross-entropy-gradient-figure>`,
  );
  await drawn(el);
  return el;
}

/** Where the handle is in data units: z on [−6, 6], the gradient on [−1, 1]. */
function handleAt(el: Element): [number, number] {
  const p = plotRect(el);
  const circle = part(el, 'g.handle circle');
  return [
    -6 + (12 * (num(circle, 'cx') - p.left)) / p.width,
    -1 + (2 * (p.top + p.height - num(circle, 'cy'))) / p.height,
  ];
}

describe('<lp-cross-entropy-gradient-figure>', () => {
  it('shows ∂ξ/∂z = y − t at z = 0: −0.5 for t = 1 and 0.5 for t = 0', async () => {
    const el = await figure('0');
    expect(readout(el, 'z')).toBe('0.0000');
    expect(readout(el, 'y')).toBe('0.5000');
    expect(readout(el, 'dz1')).toBe('−0.5000');
    expect(readout(el, 'dz0')).toBe('0.5000');
    expect(
      [...(el.shadowRoot?.querySelectorAll('[part=legend] li') ?? [])].map((li) => li.textContent?.trim()),
    ).toEqual(['t = 1: y − 1', 't = 0: y']);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('puts the handle on the t = 1 curve, at (z, σ(z) − 1)', async () => {
    const el = await figure('2');
    expect(readout(el, 'dz1')).toBe('−0.1192');
    expect(readout(el, 'dz0')).toBe('0.8808');
    const [z, gradient] = handleAt(el);
    expect(z).toBeCloseTo(2, 3);
    expect(gradient).toBeCloseTo(-0.1192, 3);
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'The gradient of the cross-entropy, ∂ξ/∂z = y − t, for t = 0 and t = 1, at z = 2.0000',
    );
  });

  it('keeps the gradient of a wrong answer near ±1 at the ends, reached with Home and End', async () => {
    const el = await figure('0');
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(handle(el));
    const change = nextEvent<Event>(el, 'change');
    await userEvent.keyboard('{Home}');
    expect((await change).type).toBe('change');
    expect(el.z).toBe(-6);
    await settled(el);
    // t = 1 but y ≈ 0: the gradient stays −0.9975, it does not vanish.
    expect(readout(el, 'dz1')).toBe('−0.9975');
    expect(readout(el, 'dz0')).toBe('0.0025');
    press(el, 'ArrowRight', { shiftKey: true });
    press(el, 'ArrowRight');
    expect(el.z).toBe(-4.9);
    press(el, 'End');
    await settled(el);
    expect(readout(el, 'dz0')).toBe('0.9975');
  });

  it('says when z is out of range and shows z = 6', async () => {
    const el = await figure('1e3');
    expect(el.shadowRoot?.querySelector('.correction')?.textContent).toBe(
      'z = 1000.0000 is outside −6.000 … 6.000; showing z = 6.0000.',
    );
    expect(readout(el, 'z')).toBe('6.0000');
  });

  it('follows its new size after it is taken out of the page and put back', async () => {
    const el = await figure('-1');
    await reappendAt(el, 320);
    await settled(el);
    const [z, gradient] = handleAt(el);
    expect(z).toBeCloseTo(-1, 3);
    expect(gradient).toBeCloseTo(-0.7311, 3);
  });
});
