import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import './lp-optimiser-controls';
import type { LpNumberField } from './lp-number-field';
import type { LpOptimiserControls } from './lp-optimiser-controls';
import { mount } from './testing/mount';

describe('<lp-optimiser-controls> alone', () => {
  it("starts at the default η, on a slider from 10^−4 to 10^1, beside a field that takes η's whole range", async () => {
    const controls = await mount<LpOptimiserControls>(html`<lp-optimiser-controls></lp-optimiser-controls>`);
    const slider = controls.shadowRoot?.querySelector<HTMLInputElement>('#lr-slider');
    expect([slider?.min, slider?.max]).toEqual(['-4', '1']);
    expect(Number(slider?.value)).toBeCloseTo(Math.log10(0.05), 2);
    const field = controls.shadowRoot?.querySelector<LpNumberField>('lp-number-field');
    expect([field?.label, field?.value, field?.min, field?.max]).toEqual(['η', 0.05, 1e-6, 10]);
  });
});
