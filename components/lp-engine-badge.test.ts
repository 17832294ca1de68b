import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import './lp-engine-badge';
import type { LpEngineBadge } from './lp-engine-badge';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

const badgeText = (badge: LpEngineBadge) => badge.shadowRoot?.querySelector('[part=badge]')?.textContent?.trim();

describe('<lp-engine-badge> alone', () => {
  it('says it is starting until it has an engine, then names it and why', async () => {
    const badge = await mount<LpEngineBadge>(html`<lp-engine-badge></lp-engine-badge>`);
    expect(badgeText(badge)).toBe('Starting…');
    badge.kind = 'cpu';
    badge.detail = 'no WebGPU adapter';
    await settled(badge);
    expect(badgeText(badge)).toBe('CPU · no WebGPU adapter');
    expect(badge.shadowRoot?.querySelector('[data-engine=cpu]')?.getAttribute('role')).toBe('status');
    badge.kind = 'gpu';
    badge.detail = '';
    await settled(badge);
    expect(badgeText(badge)).toBe('WebGPU');
    expect(await seriousViolations(badge)).toEqual([]);
  });

  it('reads the engine from the model around it', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-engine-badge></lp-engine-badge></lp-fake-model>`);
    const badge = model.querySelector('lp-engine-badge') as LpEngineBadge;
    expect(badgeText(badge)).toBe('Starting…');
    model.state = startingState({ published: await publishedState(), engineDetail: 'the reference' });
    await settled(model);
    expect(badgeText(badge)).toBe('CPU · the reference');
  });
});
