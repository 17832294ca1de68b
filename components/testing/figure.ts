/**
 * Reading a figure element in a test: its parts in the shadow root, its
 * readouts, its handle and plot area, and a drawn mount. One copy for every
 * figure's test (the curve figures, the likelihood, the model diagram).
 */
import type { TemplateResult } from 'lit';
import { expect } from 'vitest';
import { mount, settled } from './mount';

/** The first element in `el`'s shadow root that matches, or an error naming what is missing. */
export const part = <E extends Element>(el: Element, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
};

/** Every element in `el`'s shadow root that matches. */
export const all = (el: Element, selector: string) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

/** A readout's text (`data-readout="name"`). */
export const readout = (el: Element, name: string) => part(el, `[data-readout="${name}"]`).textContent;

/** The draggable handle on the curve. */
export const handle = (el: Element) => part<SVGGElement>(el, 'g.handle');

/** An attribute read as a number (NaN when absent). */
export const num = (e: Element, attribute: string) => Number(e.getAttribute(attribute) ?? Number.NaN);

/** The note a figure shows for a value it cannot show ('' when none). */
export const correction = (el: Element) => el.shadowRoot?.querySelector('.correction')?.textContent ?? '';

/** The plot area in the frame's pixels (the hit rectangle covers exactly it). */
export function plotRect(el: Element) {
  const r = part(el, 'rect.hit');
  return { left: num(r, 'x'), top: num(r, 'y'), width: num(r, 'width'), height: num(r, 'height') };
}

/** A key pressed on the handle, as the keyboard would send it; the event, to see whether it was taken. */
export function press(el: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  handle(el).dispatchEvent(event);
  return event;
}

/** Waits until the figure's frame has measured itself and laid the plot out (polled often: a draw takes milliseconds). */
export async function drawn(el: Element): Promise<void> {
  await expect.poll(() => plotRect(el).width, { interval: 5 }).toBeGreaterThan(0);
  await settled(el);
}

/** Mounts a figure and waits for its first drawing. */
export async function mountDrawn<E extends Element>(template: TemplateResult): Promise<E> {
  const el = await mount<E>(template);
  await drawn(el);
  return el;
}

/** Takes the figure out of the page and puts it back at `width` px: its frame must follow the new size. */
export async function reappendAt(el: HTMLElement, width: number): Promise<void> {
  const container = el.parentElement as HTMLElement;
  el.remove();
  container.append(el);
  el.style.width = `${width}px`;
  await expect.poll(() => part(el, 'svg.chart').getAttribute('width'), { interval: 5 }).toBe(String(width));
}
