import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-logistic-figure';
import type { LpLogisticFigure } from './lp-logistic-figure';
import { correction, drawn, handle, part, plotRect, press, readout, reappendAt } from './testing/figure';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

/** The figure at a fixed width, drawn: its frame has measured itself and laid the plot out. */
async function figure(z: string): Promise<LpLogisticFigure> {
  const el = await mount<LpLogisticFigure>(
    html`<lp-logistic-figure z=${z} style="display:block; width:480px"></lp-logistic-figure>`,
  );
  await drawn(el);
  return el;
}

const hit = (el: Element) => part<SVGRectElement>(el, 'rect.hit');

describe('<lp-logistic-figure>', () => {
  it('shows σ(0) = 0.5: both probabilities a half, the bars splitting the whole in two', async () => {
    const el = await figure('0');
    expect(readout(el, 'z')).toBe('0.0000');
    expect(readout(el, 'y')).toBe('0.5000');
    expect(readout(el, 'p1')).toBe('0.5000');
    expect(readout(el, 'p0')).toBe('0.5000');
    expect(part<HTMLElement>(el, '.bars .one').style.width).toBe('50%');
    expect(part<HTMLElement>(el, '.bars .zero').style.width).toBe('50%');
    expect(part(el, 'svg.chart').getAttribute('aria-label')).toBe(
      'The logistic function σ(z), at z = 0.0000: y = 0.5000',
    );
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('shows σ(2) = 0.8808 and P(t = 0 | z) = 0.1192, and labels only the bar wide enough to hold its text', async () => {
    const el = await figure('2');
    expect(readout(el, 'y')).toBe('0.8808');
    expect(readout(el, 'p1')).toBe('0.8808');
    expect(readout(el, 'p0')).toBe('0.1192');
    expect(part(el, '.bars .one').textContent).toBe('t = 1: 0.8808');
    expect(part(el, '.bars .zero').textContent).toBe('');
    el.z = -1;
    await settled(el);
    expect(readout(el, 'z')).toBe('−1.0000');
    expect(readout(el, 'y')).toBe('0.2689');
    expect(readout(el, 'p0')).toBe('0.7311');
    expect(part(el, '.bars .one').textContent).toBe('t = 1: 0.2689');
    expect(part(el, '.bars .zero').textContent).toBe('t = 0: 0.7311');
  });

  it('puts the handle on the curve, at (z, σ(z))', async () => {
    const el = await figure('1.2');
    const plot = plotRect(el);
    const circle = part<SVGCircleElement>(el, 'g.handle circle');
    const cx = Number(circle.getAttribute('cx'));
    const cy = Number(circle.getAttribute('cy'));
    expect((cx - plot.left) / plot.width).toBeCloseTo((1.2 + 6) / 12, 3);
    // y = σ(1.2) = 0.7685 on a [0, 1] axis that grows upwards.
    expect((plot.top + plot.height - cy) / plot.height).toBeCloseTo(0.7685, 3);
    expect(part(el, 'g.curves path.c0').getAttribute('d')).toMatch(/^M/);
  });

  it('is a slider the keyboard reaches with Tab and moves with the arrows, announcing each move', async () => {
    const el = await figure('0');
    const slider = handle(el);
    expect(slider.getAttribute('role')).toBe('slider');
    expect(slider.getAttribute('aria-valuemin')).toBe('-6');
    expect(slider.getAttribute('aria-valuemax')).toBe('6');
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(slider);
    const change = nextEvent<Event>(el, 'change');
    await userEvent.keyboard('{ArrowRight}');
    const event = await change;
    expect(event.type).toBe('change');
    expect(event.bubbles && event.composed).toBe(true);
    expect(el.z).toBe(0.1);
    await settled(el);
    expect(readout(el, 'y')).toBe('0.5250');
    expect(slider.getAttribute('aria-valuenow')).toBe('0.1');
    expect(slider.getAttribute('aria-valuetext')).toBe('z = 0.1000');
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(el.z).toBe(-0.9);
  });

  it('goes to the ends with Home and End, steps by 0.1 and 1 on the arrows, and stops at ±6', async () => {
    const el = await figure('5.95');
    press(el, 'ArrowUp');
    expect(el.z).toBe(6);
    press(el, 'ArrowRight', { shiftKey: true });
    expect(el.z).toBe(6);
    press(el, 'Home');
    expect(el.z).toBe(-6);
    press(el, 'ArrowDown');
    expect(el.z).toBe(-6);
    press(el, 'End');
    press(el, 'ArrowLeft', { shiftKey: true });
    expect(el.z).toBe(5);
    await settled(el);
    expect(readout(el, 'y')).toBe('0.9933');
  });

  it('keeps its arrow keys from a slide deck around it, and leaves Page Up and Page Down to the page', async () => {
    const el = await figure('0');
    const seen: string[] = [];
    const listen = (e: KeyboardEvent) => seen.push(e.key);
    document.addEventListener('keydown', listen);
    try {
      const arrow = press(el, 'ArrowRight');
      const page = press(el, 'PageDown');
      expect(arrow.defaultPrevented).toBe(true);
      expect(page.defaultPrevented).toBe(false);
      expect(seen).toEqual(['PageDown']);
      expect(el.z).toBe(0.1);
    } finally {
      document.removeEventListener('keydown', listen);
    }
  });

  it('moves z to where the plot is pressed and dragged, without taking the keyboard focus', async () => {
    const wrapper = await mount<HTMLDivElement>(
      html`<div><button>before</button><lp-logistic-figure style="display:block; width:480px"></lp-logistic-figure></div>`,
    );
    const el = wrapper.querySelector('lp-logistic-figure') as LpLogisticFigure;
    const button = wrapper.querySelector('button') as HTMLButtonElement;
    await drawn(el);
    button.focus();
    const plot = plotRect(el);
    const at = (z: number) => ({ x: ((z + 6) / 12) * plot.width, y: plot.height * 0.8 });
    const seen: number[] = [];
    el.addEventListener('change', () => seen.push(el.z));
    await userEvent.dragAndDrop(hit(el), hit(el), { sourcePosition: at(-4), targetPosition: at(2), force: true });
    // The press puts z under the pointer, each move after it follows.
    expect(seen[0]).toBeCloseTo(-4, 1);
    expect(seen.at(-1)).toBeCloseTo(2, 1);
    expect(el.z).toBeCloseTo(2, 1);
    expect(document.activeElement).toBe(button);
    await settled(el);
    expect(readout(el, 'z')).toBe(el.z.toFixed(4));
  });

  it('says so when z is not a number or out of range, shows the nearest it can, and clears the note for a good z', async () => {
    const el = await figure('0x10');
    expect(correction(el)).toBe('z must be a number in −6.000 … 6.000; showing z = 0.0000.');
    expect(readout(el, 'y')).toBe('0.5000');
    el.setAttribute('z', '9');
    await settled(el);
    expect(correction(el)).toBe('z = 9.0000 is outside −6.000 … 6.000; showing z = 6.0000.');
    expect(el.z).toBe(6);
    expect(readout(el, 'y')).toBe('0.9975');
    el.z = 1;
    await settled(el);
    expect(correction(el)).toBe('');
    expect(readout(el, 'y')).toBe('0.7311');
  });

  it('follows its new size after it is moved elsewhere in the page', async () => {
    const el = await figure('0');
    await reappendAt(el, 360);
    await settled(el);
    press(el, 'End');
    await settled(el);
    expect(readout(el, 'y')).toBe('0.9975');
    const plot = plotRect(el);
    const cx = Number(part(el, 'g.handle circle').getAttribute('cx'));
    expect(cx).toBeCloseTo(plot.left + plot.width, 3);
  });
});
