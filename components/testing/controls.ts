/**
 * Driving a control element in a test: its number fields by label, typing
 * and Enter, what has focus through shadow roots, and the settings changes
 * it sends (applied to a fake model as <lp-model> would apply them, so a
 * change the settings table refuses fails the test). One copy for every
 * control's test.
 */
import { userEvent } from 'vitest/browser';
import type { SettingsChange } from '../../src/settings/playground-settings';
import { applyChange } from '../../src/settings/settings-change';
import type { LpNumberField } from '../lp-number-field';
import type { LpFakeModel } from './fake-model';
import { settled } from './mount';

/** The number fields in a control, in order. */
export const numberFields = (el: Element) => [...(el.shadowRoot?.querySelectorAll('lp-number-field') ?? [])];

/** The number field its label names (η, w₁(0), std…). */
export function field(el: Element, label: string): LpNumberField {
  const found = numberFields(el).find((f) => f.label === label);
  if (!found) throw new Error(`no field labelled ${label}`);
  return found;
}

/** A number field's text box. */
export const inputOf = (f: LpNumberField) => f.shadowRoot?.querySelector('input') as HTMLInputElement;

/** The message a number field shows for a value it refused. */
export const messageOf = (f: LpNumberField) => f.shadowRoot?.querySelector('.error')?.textContent?.trim();

/** The element that has focus, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What has focus: a number field's label (its input is in its shadow root), or else the focused element's id. */
export function focusedName(): string {
  const active = deepActive();
  const root = active?.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : undefined;
  return host?.tagName === 'LP-NUMBER-FIELD' ? (host as LpNumberField).label : (active?.id ?? '');
}

/**
 * Every lp-settings the control sends. With a model, each change is applied
 * to its settings at once, as <lp-model> does (later): a change the settings
 * table refuses throws, and the test fails on it.
 */
export function settingsSent(el: HTMLElement, model?: LpFakeModel): SettingsChange[] {
  const changes: SettingsChange[] = [];
  el.addEventListener('lp-settings', (e) => {
    changes.push(e.detail);
    if (model) model.state = { ...model.state, settings: applyChange(model.state.settings, e.detail) };
  });
  return changes;
}

/** Types into a field by keyboard, replacing its text; `{Enter}` or a Tab commits. */
export async function typeInto(el: Element, f: LpNumberField, keys: string): Promise<void> {
  const box = inputOf(f);
  box.focus();
  box.select();
  await userEvent.keyboard(keys);
  await settled(el);
}

/** Commits `text` as Enter does, by synthetic events (cheap, and one commit: no change event follows). */
export async function enter(el: Element, f: LpNumberField, text: string): Promise<void> {
  const box = inputOf(f);
  box.value = text;
  box.dispatchEvent(new Event('input'));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await settled(el);
}
