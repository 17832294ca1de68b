import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import './lp-transport';
import type { LpTransport } from './lp-transport';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const button = (el: LpTransport, action: string) =>
  el.shadowRoot?.querySelector(`[data-action=${action}]`) as HTMLButtonElement;
const buttons = (el: LpTransport) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])];
const labels = (el: LpTransport) => buttons(el).map((b) => b.textContent?.trim());

/** Every control event the transport sends, as [type, detail]. */
function sent(el: LpTransport): [string, unknown][] {
  const events: [string, unknown][] = [];
  for (const type of ['lp-play', 'lp-step', 'lp-reset'] as const) {
    el.addEventListener(type, (e) => events.push([type, e.detail]));
  }
  return events;
}

describe('<lp-transport> alone', () => {
  it('shows Play, Step, Step ×10 and Reset, Play not pressed', async () => {
    const el = await mount<LpTransport>(html`<lp-transport></lp-transport>`);
    expect(labels(el)).toEqual(['Play', 'Step', 'Step ×10', 'Reset']);
    expect(button(el, 'play').getAttribute('aria-pressed')).toBe('false');
    expect(buttons(el).every((b) => !b.disabled)).toBe(true);
    expect(buttons(el).map((b) => b.getAttribute('part'))).toEqual([
      'button play-button',
      'button',
      'button',
      'button',
    ]);
  });

  it('asks to play, to step 1 and 10, and to reset when clicked', async () => {
    const el = await mount<LpTransport>(html`<lp-transport></lp-transport>`);
    const events = sent(el);
    const play = nextEvent(el, 'lp-play');
    await userEvent.click(button(el, 'play'));
    const e = await play;
    expect(e.bubbles && e.composed).toBe(true);
    button(el, 'step').click();
    button(el, 'step10').click();
    button(el, 'reset').click();
    expect(events).toEqual([
      ['lp-play', { playing: true }],
      ['lp-step', { count: 1 }],
      ['lp-step', { count: 10 }],
      ['lp-reset', null],
    ]);
  });

  it('while playing, reads Pause, pressed, and asks to pause', async () => {
    const el = await mount<LpTransport>(html`<lp-transport playing></lp-transport>`);
    const events = sent(el);
    expect(button(el, 'play').textContent?.trim()).toBe('Pause');
    expect(button(el, 'play').getAttribute('aria-pressed')).toBe('true');
    button(el, 'play').click();
    // The button only asks: it reads Pause until the model says it stopped.
    await settled(el);
    expect(button(el, 'play').textContent?.trim()).toBe('Pause');
    expect(events).toEqual([['lp-play', { playing: false }]]);
    expect(await seriousViolations(el)).toEqual([]);
  });

  it('disabled: every button is, and a click asks nothing', async () => {
    const el = await mount<LpTransport>(html`<lp-transport disabled></lp-transport>`);
    const events = sent(el);
    expect(buttons(el).every((b) => b.disabled)).toBe(true);
    for (const b of buttons(el)) b.click();
    expect(events).toEqual([]);
  });

  it('works by keyboard: Tab through the four buttons, Enter and Space press them', async () => {
    const el = await mount<LpTransport>(html`<lp-transport></lp-transport>`);
    const events = sent(el);
    button(el, 'play').focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(button(el, 'step'));
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    expect(el.shadowRoot?.activeElement).toBe(button(el, 'reset'));
    await userEvent.keyboard(' ');
    expect(events).toEqual([
      ['lp-play', { playing: true }],
      ['lp-step', { count: 1 }],
      ['lp-step', { count: 10 }],
      ['lp-reset', null],
    ]);
  });
});

describe('<lp-transport> in a model', () => {
  let view: PublishedState;
  beforeAll(async () => {
    view = await publishedState();
  });

  it('is disabled until the model has published, then follows whether it plays', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-transport></lp-transport></lp-fake-model>`);
    const el = model.querySelector('lp-transport') as LpTransport;
    expect(buttons(el).every((b) => b.disabled)).toBe(true);
    model.state = startingState({ published: view });
    await settled(model);
    expect(buttons(el).every((b) => !b.disabled)).toBe(true);
    expect(labels(el)[0]).toBe('Play');
    model.state = startingState({ published: view, playing: true });
    await settled(model);
    expect(labels(el)[0]).toBe('Pause');
    expect(button(el, 'play').getAttribute('aria-pressed')).toBe('true');
  });

  it('still follows the model after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-transport></lp-transport></lp-fake-model>`);
    const el = model.querySelector('lp-transport') as LpTransport;
    el.remove();
    model.append(el);
    model.state = startingState({ published: view, playing: true });
    await settled(model);
    expect(labels(el)[0]).toBe('Pause');
    expect(button(el, 'play').disabled).toBe(false);
  });
});
