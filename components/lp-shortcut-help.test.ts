import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './lp-shortcut-help';
import type { LpShortcutHelp } from './lp-shortcut-help';
import { SHORTCUTS } from './shortcuts';
import { mount, seriousViolations } from './testing/mount';

const button = (el: LpShortcutHelp) => el.shadowRoot?.querySelector('[part=button]') as HTMLButtonElement;
const popover = (el: LpShortcutHelp) => el.shadowRoot?.querySelector('[popover]') as HTMLElement;
const isOpen = (el: LpShortcutHelp) => popover(el).matches(':popover-open');

describe('<lp-shortcut-help>', () => {
  it('shows a "Keys ?" button and, closed, no list', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help></lp-shortcut-help>`);
    expect(button(el).textContent).toBe('Keys ?');
    expect(button(el).getAttribute('aria-controls')).toBe(popover(el).id);
    expect(isOpen(el)).toBe(false);
    expect(popover(el).checkVisibility()).toBe(false);
  });

  it('lists every shortcut, key beside what it does', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help></lp-shortcut-help>`);
    const keys = [...popover(el).querySelectorAll('dt')].map((dt) => dt.textContent);
    const actions = [...popover(el).querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(keys.map((k, i) => [k, actions[i]])).toEqual(SHORTCUTS.map(([k, a]) => [k, a]));
    expect(popover(el).getAttribute('aria-label')).toBe('Keyboard shortcuts');
  });

  it('a click on the button opens the list below it, right edges aligned; Escape closes it', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help style="margin-left: 300px"></lp-shortcut-help>`);
    await userEvent.click(button(el));
    expect(isOpen(el)).toBe(true);
    const b = button(el).getBoundingClientRect();
    const p = popover(el).getBoundingClientRect();
    expect(p.top).toBeCloseTo(b.bottom + 6, 0);
    expect(p.right).toBeCloseTo(b.right, 0);
    expect(await seriousViolations(el)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    expect(isOpen(el)).toBe(false);
  });

  it('opens and closes from the keyboard: Enter on the button, then Space', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help></lp-shortcut-help>`);
    button(el).focus();
    await userEvent.keyboard('{Enter}');
    expect(isOpen(el)).toBe(true);
    button(el).focus();
    await userEvent.keyboard(' ');
    expect(isOpen(el)).toBe(false);
  });

  it('toggle() opens and closes it (what the ? key calls)', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help></lp-shortcut-help>`);
    el.toggle();
    expect(isOpen(el)).toBe(true);
    expect(popover(el).checkVisibility()).toBe(true);
    el.toggle();
    expect(isOpen(el)).toBe(false);
  });

  it('a click outside the open list closes it', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help></lp-shortcut-help>`);
    el.toggle();
    await userEvent.click(document.body, { position: { x: 5, y: 5 } });
    expect(isOpen(el)).toBe(false);
  });

  it('opens again after it is taken out and put back', async () => {
    const el = await mount<LpShortcutHelp>(html`<lp-shortcut-help></lp-shortcut-help>`);
    const parent = el.parentElement as HTMLElement;
    el.toggle();
    el.remove();
    // A popover taken out of the document closes.
    expect(isOpen(el)).toBe(false);
    parent.append(el);
    await userEvent.click(button(el));
    expect(isOpen(el)).toBe(true);
  });
});
