import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import type { SettingsEvent } from './events';
import './lp-messages';
import type { LpMessages } from './lp-messages';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

type DismissEvent = CustomEvent<{ text?: string }>;

/** The messages shown, as text, in order (buttons' text included). */
const texts = (messages: LpMessages) =>
  [...messages.querySelectorAll('.message')].map((m) => m.textContent?.replace(/\s+/g, ' ').trim() ?? '');

let start: PublishedState;
let afterThree: PublishedState;
beforeAll(async () => {
  [start, afterThree] = await Promise.all([publishedState(0), publishedState(3)]);
});

async function inModel(): Promise<[LpFakeModel, LpMessages]> {
  const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-messages></lp-messages></lp-fake-model>`);
  return [model, model.querySelector('lp-messages') as LpMessages];
}

describe('<lp-messages> alone', () => {
  it('is hidden and takes no room outside a model', async () => {
    const messages = await mount<LpMessages>(html`<lp-messages></lp-messages>`);
    expect(messages.hidden).toBe(true);
    expect(messages.offsetHeight).toBe(0);
    expect(messages.querySelectorAll('.message')).toHaveLength(0);
    // Light DOM: nothing hides in a shadow root.
    expect(messages.shadowRoot).toBeNull();
  });
});

describe('<lp-messages> in a model', () => {
  it('is hidden while the model has nothing to say', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(messages.hidden).toBe(true);
    expect(getComputedStyle(messages).display).toBe('none');
  });

  it('shows each notice once with how often it came, and Dismiss all', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({
      published: start,
      notices: ['Ignored w="x".', 'Ignored w="x".', 'The device was replaced.'],
    });
    await settled(model);
    expect(messages.hidden).toBe(false);
    expect(getComputedStyle(messages).display).toBe('flex');
    expect(texts(messages)).toEqual(['Ignored w="x". (×2)×', 'The device was replaced.×', 'Dismiss all']);
    expect(await seriousViolations(messages)).toEqual([]);
  });

  it('counts the notices beyond the four it shows', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ notices: ['one', 'two', 'three', 'four', 'five', 'six'] });
    await settled(model);
    expect(messages.querySelectorAll('.message.notice')).toHaveLength(4);
    expect(messages.querySelector('[data-more-notices]')?.textContent).toBe('…and 2 more notices.Dismiss all');
  });

  it('asks to put away one notice (its text) or all of them (no text)', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ notices: ['one', 'two'] });
    await settled(model);
    const buttons = [...messages.querySelectorAll<HTMLButtonElement>('button.dismiss')];
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Dismiss this notice',
      'Dismiss this notice',
      'Dismiss all',
    ]);
    const one = nextEvent<DismissEvent>(model, 'lp-dismiss-notices');
    buttons[1]?.click();
    const event = await one;
    expect(event.detail).toEqual({ text: 'two' });
    expect(event.bubbles && event.composed).toBe(true);
    const all = nextEvent<DismissEvent>(model, 'lp-dismiss-notices');
    buttons[2]?.click();
    expect((await all).detail).toStrictEqual({});
  });

  it('lets the keyboard reach and press Dismiss', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ notices: ['Ignored w="x".'] });
    await settled(model);
    const before = document.createElement('button');
    before.textContent = 'before';
    model.before(before);
    before.focus();
    await userEvent.tab();
    const dismiss = messages.querySelector('button.dismiss');
    expect(document.activeElement).toBe(dismiss);
    const enter = nextEvent<DismissEvent>(model, 'lp-dismiss-notices');
    await userEvent.keyboard('{Enter}');
    expect((await enter).detail).toEqual({ text: 'Ignored w="x".' });
    const space = nextEvent<DismissEvent>(model, 'lp-dismiss-notices');
    await userEvent.keyboard(' ');
    expect((await space).detail).toEqual({ text: 'Ignored w="x".' });
  });

  it('shows an error and why training stopped as alerts', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({
      published: { ...afterThree, divergence: 'The cost became infinite at iteration 3.' },
      error: 'The engine was lost.',
    });
    await settled(model);
    expect(messages.querySelector('.error')?.textContent).toBe('The engine was lost.');
    expect(messages.querySelector('[data-divergence]')?.textContent).toBe('The cost became infinite at iteration 3.');
    expect([...messages.querySelectorAll('.message')].map((m) => m.getAttribute('role'))).toEqual(['alert', 'alert']);
  });

  it('gives advice before the first step only, and its button asks for the mean cost', async () => {
    const [model, messages] = await inModel();
    const advice = { text: 'η = 5 is above 0.1.', offerMean: true };
    model.state = startingState({ published: { ...start, stepAdvice: advice } });
    await settled(model);
    expect(messages.querySelector('[data-advice]')?.textContent).toBe('η = 5 is above 0.1.Use the mean cost');
    const asked = nextEvent<SettingsEvent>(model, 'lp-settings');
    messages.querySelector<HTMLButtonElement>('[data-advice] button')?.click();
    expect((await asked).detail).toEqual({ training: { reduction: 'mean' } });

    model.state = startingState({ published: { ...start, stepAdvice: { ...advice, offerMean: false } } });
    await settled(model);
    expect(messages.querySelector('[data-advice] button')).toBeNull();
    model.state = startingState({ published: { ...afterThree, stepAdvice: advice } });
    await settled(model);
    expect(messages.querySelector('[data-advice]')).toBeNull();
    model.state = startingState({ published: { ...start, stepAdvice: advice, divergence: 'Diverged.' } });
    await settled(model);
    expect(messages.querySelector('[data-advice]')).toBeNull();
  });

  it("says Play's pace while it cannot keep up", async () => {
    const [model, messages] = await inModel();
    const pace = 'Playing 2.5 steps/s, not the 4 asked for: this engine cannot take steps that fast on 40 points.';
    model.state = startingState({ published: { ...afterThree, pace } });
    await settled(model);
    expect(messages.querySelector('[data-pace]')?.textContent).toBe(pace);
  });

  it('shows long work with its progress in per cent, or without when there is no telling', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ busy: { label: 'Drawing the data', progress: 0.426 }, waiting: 2 });
    await settled(model);
    const busy = messages.querySelector('[data-busy]');
    expect(busy?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Drawing the data… 43 %');
    const bar = busy?.querySelector('progress');
    expect(bar?.value).toBeCloseTo(0.426);
    expect(bar?.max).toBe(1);
    expect(bar?.getAttribute('aria-label')).toBe('Drawing the data');
    // Requests queued behind long work are not said twice.
    expect(messages.querySelector('[data-waiting]')).toBeNull();

    model.state = startingState({ busy: { label: 'Reading the file' } });
    await settled(model);
    const unknown = messages.querySelector('[data-busy]');
    expect(unknown?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Reading the file…');
    expect(unknown?.querySelector('progress')?.hasAttribute('value')).toBe(false);
    expect(await seriousViolations(messages)).toEqual([]);
  });

  it('counts the requests under way: 1 request, 2 requests', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ waiting: 1 });
    await settled(model);
    expect(messages.querySelector('[data-waiting]')?.textContent?.trim()).toBe('Working… 1 request under way');
    model.state = startingState({ waiting: 2 });
    await settled(model);
    expect(messages.querySelector('[data-waiting]')?.textContent?.trim()).toBe('Working… 2 requests under way');
    model.state = startingState({ waiting: 0 });
    await settled(model);
    expect(messages.hidden).toBe(true);
  });

  it('follows the model again after it is taken out and put back', async () => {
    const [model, messages] = await inModel();
    model.state = startingState({ error: 'First.' });
    await settled(model);
    messages.remove();
    model.append(messages);
    model.state = startingState({ error: 'Second.' });
    await settled(model);
    expect(texts(messages)).toEqual(['Second.']);
  });
});
