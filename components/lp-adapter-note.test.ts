import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import './lp-adapter-note';
import type { LpAdapterNote } from './lp-adapter-note';
import { type LpFakeModel, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

const noteText = (note: LpAdapterNote) => note.shadowRoot?.querySelector('[data-adapter]')?.textContent?.trim();

describe('<lp-adapter-note>', () => {
  it('shows nothing outside any model', async () => {
    const note = await mount<LpAdapterNote>(html`<lp-adapter-note></lp-adapter-note>`);
    expect(note.shadowRoot?.querySelector('p[data-adapter]')).not.toBeNull();
    expect(noteText(note)).toBe('');
  });

  it("says what the model's WebGPU adapter offers, and follows it when it changes", async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-adapter-note></lp-adapter-note></lp-fake-model>`);
    const note = model.querySelector('lp-adapter-note') as LpAdapterNote;
    model.state = startingState({ adapterText: 'Looking for a WebGPU adapter…', engineDetail: 'not this one' });
    await settled(model);
    expect(noteText(note)).toBe('Looking for a WebGPU adapter…');
    model.state = startingState({ adapterText: 'No WebGPU adapter: navigator.gpu is missing.' });
    await settled(model);
    expect(noteText(note)).toBe('No WebGPU adapter: navigator.gpu is missing.');
    expect(await seriousViolations(note)).toEqual([]);
  });

  it('still follows the model after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-adapter-note></lp-adapter-note></lp-fake-model>`);
    const note = model.querySelector('lp-adapter-note') as LpAdapterNote;
    note.remove();
    // Changed while it is away: it must not keep an old subscription, and must read the new state on return.
    model.state = startingState({ adapterText: 'Adapter: Example GPU (discrete)' });
    model.append(note);
    await settled(model);
    expect(noteText(note)).toBe('Adapter: Example GPU (discrete)');
    model.state = startingState({ adapterText: 'Adapter: Another GPU' });
    await settled(model);
    expect(noteText(note)).toBe('Adapter: Another GPU');
  });
});
