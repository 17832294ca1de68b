import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { RACE_PRESETS } from '../src/settings/race-presets';
import { applyChange } from '../src/settings/settings-change';
import './lp-race-table';
import type { LpRaceTable } from './lp-race-table';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, nextEvent, seriousViolations, settled } from './testing/mount';

const rates = applyChange(DEFAULT_PLAYGROUND, RACE_PRESETS.find((p) => p.id === 'rates')!.change);
let racing: PublishedState;
beforeAll(async () => {
  racing = await publishedState(30, rates);
});

/** Each row's cells as shown. */
const rows = (table: LpRaceTable) =>
  [...(table.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
  );

describe('<lp-race-table>', () => {
  it('draws nothing outside a race', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-race-table></lp-race-table></lp-fake-model>`);
    const table = model.querySelector('lp-race-table') as LpRaceTable;
    await settled(table);
    expect(table.shadowRoot?.querySelector('table')).toBeNull();
  });

  it('lists every racer as state.race does, with the steps each took to the best cost', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-race-table></lp-race-table></lp-fake-model>`);
    model.state = { ...startingState(), settings: rates, published: racing };
    const table = model.querySelector('lp-race-table') as LpRaceTable;
    await settled(table);
    const race = racing.state.race ?? [];
    expect(race).toHaveLength(3);
    // η = 0.05 and η = 0.5 both come within 0.1 % of the best cost (0.5 only passing it, as it swings); 0.005 does not.
    expect(rows(table)).toEqual(
      race.map((r, k) => [
        `GD, η ${r.learningRate}`,
        '30',
        r.cost.toFixed(4),
        k === 1 ? '—' : expect.stringMatching(/^\d+$/),
      ]),
    );
    expect(await seriousViolations(table)).toEqual([]);
  });

  it('asks for a racer’s boundary by its button, and marks the one shown', async () => {
    const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-race-table></lp-race-table></lp-fake-model>`);
    model.state = { ...startingState(), settings: rates, published: racing };
    const table = model.querySelector('lp-race-table') as LpRaceTable;
    await settled(table);
    const buttons = [...(table.shadowRoot?.querySelectorAll('button') ?? [])];
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    const asked = nextEvent(table, 'lp-select-racer');
    buttons[2]?.focus();
    await userEvent.keyboard('{Enter}');
    expect((await asked).detail).toEqual({ racer: 2 });
  });
});
