import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SETTINGS } from '../src/settings/settings-schema';
import { formatLimit } from '../src/text/number-text';
import './lp-number-field';
import type { LpNumberField, NumberEvent } from './lp-number-field';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const input = (field: LpNumberField) => field.shadowRoot?.querySelector('input') as HTMLInputElement;
const message = (field: LpNumberField) => field.shadowRoot?.querySelector('.error')?.textContent?.trim();

/**
 * Every lp-number the field sends, in order. Like the control that holds a
 * field, the test takes each value sent as the field's new value at once.
 */
function sent(field: LpNumberField, accept = true): number[] {
  const values: number[] = [];
  field.addEventListener('lp-number', (e: NumberEvent) => {
    values.push(e.detail.value);
    if (accept) field.value = e.detail.value;
  });
  return values;
}

/** Types `text` into the field by keyboard, replacing what is there (the keys go to the focused input). */
async function type(field: LpNumberField, text: string): Promise<void> {
  const box = input(field);
  box.focus();
  box.select();
  await userEvent.keyboard(text);
  await settled(field);
}

/** Commits `text` as Enter does, by synthetic events (cheap, and one commit: no change event follows). */
async function enter(field: LpNumberField, text: string): Promise<void> {
  const box = input(field);
  box.value = text;
  box.dispatchEvent(new Event('input'));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await settled(field);
}

// The learning rate's row of the settings table: a real label and real limits.
const eta = SETTINGS.learningRate;
const range = eta.range as { min: number; max: number };
const between = `between ${formatLimit(range.min)} and ${formatLimit(range.max)}`;

const etaField = () =>
  mount<LpNumberField>(
    html`<lp-number-field .label=${eta.label} .value=${0.05} .min=${range.min} .max=${range.max}></lp-number-field>`,
  );

describe('<lp-number-field>', () => {
  it('shows its label and value, the label naming the input', async () => {
    const field = await etaField();
    expect(input(field).value).toBe('0.05');
    const label = field.shadowRoot?.querySelector('label');
    expect(label?.textContent).toBe(eta.label);
    expect(label?.htmlFor).toBe(input(field).id);
    expect(input(field).getAttribute('aria-invalid')).toBe('false');
    expect(message(field)).toBeUndefined();
  });

  it('sends a typed value on Enter, without bubbling', async () => {
    const field = await etaField();
    const event = nextEvent<NumberEvent>(field, 'lp-number');
    const values = sent(field);
    await type(field, '0.2{Enter}');
    const e = await event;
    expect(e.detail).toEqual({ value: 0.2 });
    expect(e.bubbles).toBe(false);
    expect(values).toEqual([0.2]);
  });

  // Known bug (reported, not fixed here): Enter commits on keydown, and the change event Chromium fires after it
  // commits again, before the control holding the field has passed the new value down (<lp-model> applies a
  // change asynchronously), so one Enter sends the value twice. Once that is fixed, this expects [0.2].
  it('sends a value once for one Enter, even before the value has come back down', async () => {
    const field = await etaField();
    const values = sent(field, false);
    await type(field, '0.2{Enter}');
    expect(values).toEqual([0.2]);
    // Leaving the field after Enter sends nothing more; typing again and leaving sends the new value.
    await userEvent.tab();
    expect(values).toEqual([0.2]);
  });

  it('sends a typed value when focus leaves the field (Tab)', async () => {
    const field = await etaField();
    const values = sent(field);
    await type(field, '1.5');
    expect(values).toEqual([]);
    await userEvent.tab();
    expect(values).toEqual([1.5]);
  });

  it('refuses a value above its maximum: the message names the field and its limits, and nothing is sent', async () => {
    const field = await etaField();
    const values = sent(field);
    await type(field, `${range.max * 2}{Enter}`);
    expect(message(field)).toBe(`${eta.label} must be ${between}, got ${range.max * 2}`);
    const box = input(field);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const error = field.shadowRoot?.querySelector('.error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(box.getAttribute('aria-describedby')).toBe(error?.id);
    expect(values).toEqual([]);
    // The last good value stays.
    expect(field.value).toBe(0.05);
    expect(await seriousViolations(field)).toEqual([]);
  });

  it('refuses a value below its minimum, and what is not a number, quoting it', async () => {
    const field = await etaField();
    const values = sent(field);
    await enter(field, '0');
    expect(message(field)).toBe(`${eta.label} must be ${between}, got 0`);
    await enter(field, 'fast');
    expect(message(field)).toBe(`${eta.label} must be a number ${between}, got "fast"`);
    await enter(field, '');
    expect(message(field)).toMatch(new RegExp(`^${eta.label} must be a number ${between}, got `));
    expect(values).toEqual([]);
  });

  it('takes the message away once a good value is typed', async () => {
    const field = await etaField();
    const values = sent(field);
    await enter(field, 'x');
    expect(message(field)).toBeDefined();
    await enter(field, '0.5');
    expect(message(field)).toBeUndefined();
    expect(input(field).getAttribute('aria-invalid')).toBe('false');
    expect(values).toEqual([0.5]);
  });

  it('sends nothing when the value typed is the value it has', async () => {
    const field = await etaField();
    const values = sent(field);
    await enter(field, '0.050');
    expect(values).toEqual([]);
    expect(message(field)).toBeUndefined();
  });

  it('reads grouped digits and a real minus sign', async () => {
    const field = await mount<LpNumberField>(
      html`<lp-number-field label="seed" .value=${0} .min=${-2_000_000} .max=${2_000_000} integer></lp-number-field>`,
    );
    const values = sent(field);
    await enter(field, '1 000 000');
    await enter(field, '1,500,000');
    await enter(field, '−4');
    expect(values).toEqual([1_000_000, 1_500_000, -4]);
  });

  it('with integer, refuses a fraction as not a whole number', async () => {
    const field = await mount<LpNumberField>(
      html`<lp-number-field label="per class" .value=${100} .min=${1} .max=${1000} integer></lp-number-field>`,
    );
    const values = sent(field);
    await enter(field, '2.5');
    expect(message(field)).toBe('per class must be a whole number, got 2.5');
    expect(values).toEqual([]);
  });

  it('shows a new value set from outside, dropping what was typed and its message', async () => {
    const field = await etaField();
    await enter(field, 'oops');
    expect(message(field)).toBeDefined();
    field.value = 0.3;
    await settled(field);
    expect(input(field).value).toBe('0.3');
    expect(message(field)).toBeUndefined();
  });

  it('disabled: the input cannot be edited', async () => {
    const field = await mount<LpNumberField>(html`<lp-number-field label="b(0)" disabled></lp-number-field>`);
    expect(input(field).disabled).toBe(true);
  });

  it('reflects inline, hide-label and message-beside, and keeps a hidden label as the name', async () => {
    const field = await mount<LpNumberField>(
      html`<lp-number-field label="batch size" .value=${32} inline .hideLabel=${true} .messageBeside=${true}></lp-number-field>`,
    );
    expect(field.hasAttribute('inline')).toBe(true);
    expect(field.hasAttribute('hide-label')).toBe(true);
    expect(field.hasAttribute('message-beside')).toBe(true);
    const label = field.shadowRoot?.querySelector('label') as HTMLLabelElement;
    // Visually hidden (1 px), still in the accessibility tree.
    expect(label.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(getComputedStyle(label).display).not.toBe('none');
    expect(await seriousViolations(field)).toEqual([]);
  });
});
