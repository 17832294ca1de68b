/**
 * The model's attributes, declared once on ModelAttributes and read through
 * the settings table: every attribute the table reads has a property, and
 * what an element hands the table is what its attributes say.
 */
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { attributeSettings } from '../src/settings/settings-schema';
import { ModelAttributes } from './model-attributes';
import { mount } from './testing/mount';

/** A bare holder of the attributes, to read what ModelAttributes derives. */
class AttributeProbe extends ModelAttributes {
  values(): Record<string, string | null> {
    return this.attributeValues();
  }
}
if (!customElements.get('lp-attribute-probe')) customElements.define('lp-attribute-probe', AttributeProbe);

describe('the model attributes', () => {
  it('declare a property for every attribute the settings table reads, and for the engine', () => {
    // Lit names an attribute after its property, in lower case, unless the declaration names it.
    const declared = [...ModelAttributes.elementProperties].map(([key, options]) =>
      typeof options.attribute === 'string' ? options.attribute : String(key).toLowerCase(),
    );
    for (const setting of attributeSettings()) expect(declared, setting.attribute).toContain(setting.attribute);
    expect(declared).toContain('engine');
  });

  it('hand the table each attribute as text, a boolean that is on as "1", absent ones as null', async () => {
    const probe = await mount<AttributeProbe>(
      html`<lp-attribute-probe dataset="gaussians" learning-rate="0.5" features="x1,x2,x1^2" initial-weights="1,2,3" bias
        reduction="mean" l2="0.1" optimizer="adam" beta2="0.99" engine="cpu" sync-url></lp-attribute-probe>`,
    );
    expect(probe.values()).toEqual({
      dataset: 'gaussians',
      'learning-rate': '0.5',
      features: 'x1,x2,x1^2',
      'initial-weights': '1,2,3',
      bias: '1',
      reduction: 'mean',
      l2: '0.1',
      threshold: null,
      'test-fraction': null,
      optimizer: 'adam',
      momentum: null,
      beta1: null,
      beta2: '0.99',
      epsilon: null,
      race: null,
      engine: 'cpu',
    });
    probe.removeAttribute('bias');
    probe.removeAttribute('learning-rate');
    await probe.updateComplete;
    expect(probe.values()).toMatchObject({ bias: null, 'learning-rate': null });
  });
});
