import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-cross-entropy-figure';
import type { LpCrossEntropyFigure } from './lp-cross-entropy-figure';
import { correction, drawn, handle, num, part, plotRect, press, readout, reappendAt } from './testing/figure';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const Y_LO = 0.001;
const Y_HI = 0.999;

/** The figure at a fixed width, drawn: its frame has measured itself and laid the plot out. */
async function figure(
  template = html`<lp-cross-entropy-figure y="0.8" style="display:block; width:480px"></lp-cross-entropy-figure>`,
) {
  const el = await mount<LpCrossEntropyFigure>(template);
  await drawn(el);
  return el;
}

/** Where the handle is in data units: y on [0.001, 0.999], the cost on [0, 5]. */
function handleAt(el: Element): [number, number] {
  const p = plotRect(el);
  const circle = part(el, 'g.handle circle');
  return [
    Y_LO + ((Y_HI - Y_LO) * (num(circle, 'cx') - p.left)) / p.width,
    (5 * (p.top + p.height - num(circle, 'cy'))) / p.height,
  ];
}

describe('<lp-cross-entropy-figure>', () => {
  it('shows ξ(1, 0.8) = −log 0.8 = 0.2231 and ξ(0, 0.8) = −log 0.2 = 1.6094, the handle on −log(y)', async () => {
    const el = await figure();
    expect(readout(el, 'y')).toBe('0.8000');
    expect(readout(el, 'xi1')).toBe('0.2231');
    expect(readout(el, 'xi0')).toBe('1.6094');
    const [y, cost] = handleAt(el);
    expect(y).toBeCloseTo(0.8, 3);
    expect(cost).toBeCloseTo(0.2231, 2);
    expect(el.shadowRoot?.querySelectorAll('g.curves path.curve').length).toBe(2);
    expect(
      [...(el.shadowRoot?.querySelectorAll('[part=legend] li') ?? [])].map((li) => li.textContent?.trim()),
    ).toEqual(['t = 1: −log(y)', 't = 0: −log(1 − y)']);
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'The cross-entropy −log(y) for t = 1 and −log(1 − y) for t = 0, at y = 0.8000',
    );
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('starts at y = 0.5, where both costs are log 2 = 0.6931', async () => {
    const el = await figure(
      html`<lp-cross-entropy-figure style="display:block; width:480px"></lp-cross-entropy-figure>`,
    );
    expect(el.y).toBe(0.5);
    expect(readout(el, 'xi1')).toBe('0.6931');
    expect(readout(el, 'xi0')).toBe('0.6931');
  });

  it('moves y by 0.01 on the arrows, 0.1 with Shift, and to 0.001 and 0.999 on Home and End', async () => {
    const el = await figure();
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(handle(el));
    const change = nextEvent<Event>(el, 'change');
    await userEvent.keyboard('{ArrowRight}');
    expect((await change).type).toBe('change');
    expect(el.y).toBe(0.81);
    press(el, 'ArrowUp', { shiftKey: true });
    expect(el.y).toBe(0.91);
    await settled(el);
    expect(readout(el, 'xi0')).toBe('2.4079');
    press(el, 'Home');
    expect(el.y).toBe(Y_LO);
    press(el, 'ArrowLeft');
    expect(el.y).toBe(Y_LO);
    await settled(el);
    // A confident wrong answer costs much: −log 0.001.
    expect(readout(el, 'xi1')).toBe('6.9078');
    expect(readout(el, 'xi0')).toBe('0.0010');
    press(el, 'End');
    expect(el.y).toBe(Y_HI);
    await settled(el);
    expect(handle(el).getAttribute('aria-valuetext')).toBe('y = 0.9990');
  });

  it('moves y to where the plot is clicked', async () => {
    const el = await figure();
    const p = plotRect(el);
    const change = nextEvent(el, 'change');
    await userEvent.click(part(el, 'rect.hit'), {
      position: { x: (p.width * (0.3 - Y_LO)) / (Y_HI - Y_LO), y: p.height * 0.2 },
      force: true,
    });
    await change;
    expect(el.y).toBeCloseTo(0.3, 2);
  });

  it('says y must lie strictly between 0 and 1, and shows the nearest it can', async () => {
    const el = await figure(
      html`<lp-cross-entropy-figure y="1" style="display:block; width:480px"></lp-cross-entropy-figure>`,
    );
    expect(correction(el)).toBe('y = 1.0000 is outside 0.001 … 0.999; showing y = 0.9990.');
    expect(readout(el, 'xi0')).toBe('6.9078');
    el.setAttribute('y', 'one half');
    await settled(el);
    expect(correction(el)).toBe('y must be a number in 0.001 … 0.999; showing y = 0.5000.');
    expect(readout(el, 'xi1')).toBe('0.6931');
    el.y = 0.3;
    await settled(el);
    expect(correction(el)).toBe('');
    expect(readout(el, 'xi1')).toBe('1.2040');
  });

  it('follows its new size after it is taken out of the page and put back', async () => {
    const el = await figure();
    await reappendAt(el, 320);
    await settled(el);
    expect(handleAt(el)[0]).toBeCloseTo(0.8, 3);
  });
});
