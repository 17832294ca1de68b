import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PublishedState } from '../src/controller/published-state';
import './lp-status';
import type { LpStatus } from './lp-status';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

const line = (status: LpStatus) => status.shadowRoot?.querySelector('p.status') ?? null;
const said = (status: LpStatus) => line(status)?.textContent ?? '';

let afterThree: PublishedState;
beforeAll(async () => {
  afterThree = await publishedState(3);
});

describe('<lp-status> alone', () => {
  it('says nothing, then the note it is handed, in a polite live region', async () => {
    const status = await mount<LpStatus>(html`<lp-status></lp-status>`);
    expect(said(status)).toBe('');
    expect(line(status)?.getAttribute('role')).toBe('status');
    expect(line(status)?.getAttribute('aria-live')).toBe('polite');
    status.note = 'Link copied.';
    await settled(status);
    expect(said(status)).toBe('Link copied.');
    status.note = '';
    await settled(status);
    expect(said(status)).toBe('');
    expect(await seriousViolations(status)).toEqual([]);
  });

  it('takes the note from its attribute', async () => {
    const status = await mount<LpStatus>(html`<lp-status note="Saved the model."></lp-status>`);
    expect(said(status)).toBe('Saved the model.');
  });
});

describe('<lp-status> in a model', () => {
  async function inModel(): Promise<[LpFakeModel, LpStatus]> {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-status></lp-status></lp-fake-model>`);
    return [model, model.querySelector('lp-status') as LpStatus];
  }

  it("says the model's last step: 3 steps taken, iteration 3", async () => {
    const [model, status] = await inModel();
    expect(said(status)).toBe('');
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(said(status)).toBe('3 steps taken: iteration 3.');
    expect(await seriousViolations(status)).toEqual([]);
  });

  it('falls silent while an error shows, and speaks again once it is gone', async () => {
    const [model, status] = await inModel();
    model.state = startingState({ published: afterThree, error: 'The engine was lost.' });
    await settled(model);
    expect(said(status)).toBe('');
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(said(status)).toBe('3 steps taken: iteration 3.');
  });

  it("shows a note instead of the model's sentence while the note is set", async () => {
    const [model, status] = await inModel();
    model.state = startingState({ published: { ...afterThree, status: 'Play paused.' } });
    status.note = 'Link copied.';
    await settled(model);
    expect(said(status)).toBe('Link copied.');
    status.note = '';
    await settled(model);
    expect(said(status)).toBe('Play paused.');
  });

  it('follows the model again after it is taken out and put back', async () => {
    const [model, status] = await inModel();
    model.state = startingState({ published: afterThree });
    await settled(model);
    status.remove();
    model.state = startingState({ published: { ...afterThree, status: 'Play on.' } });
    model.append(status);
    await settled(model);
    expect(said(status)).toBe('Play on.');
    model.state = startingState({ published: { ...afterThree, status: 'Play paused.' } });
    await settled(model);
    expect(said(status)).toBe('Play paused.');
  });
});
