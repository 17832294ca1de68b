/**
 * The attributes that say which model to run, shared by <lp-model> (which
 * runs it) and <lp-playground> (which hands them to its <lp-model>): one
 * declaration, one set of names and defaults. Which attributes set which
 * setting, and how each reads, is the settings table's (settings-schema.ts);
 * the properties below declare them to Lit and to the element manifest, and
 * everything else (the values to read, which changes to apply) is derived
 * from the two, so a new setting's attribute is added in the table and here.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { attributeSettings, DATA_SETTINGS } from '../src/settings/settings-schema';

/** What a change of the model's attributes asks for: data settings, training settings, the engine. */
export interface AttributeChange {
  readonly data: boolean;
  readonly training: boolean;
  readonly engine: boolean;
}

const ENGINE_ATTRIBUTE = 'engine';
/** The attributes the settings table reads, and which of them say which data are drawn. */
const SETTING_ATTRIBUTES = new Set(attributeSettings().map((s) => s.attribute as string));
const DATA_ATTRIBUTES = new Set(DATA_SETTINGS.flatMap((s) => (s.attribute ? [s.attribute] : [])));

export abstract class ModelAttributes extends LitElement {
  // Not `dataset`: HTMLElement.dataset is the data-* map.
  /** "tutorial" (the tutorial's 40 points) or "gaussians" (two generated classes). */
  @property({ attribute: 'dataset' }) preset: string | null = null;
  /** η, the gradient-descent step size (default 0.05). */
  @property({ attribute: 'learning-rate' }) learningRate: string | null = null;
  /** What the model sees of a point, e.g. "x1,x2,x1^2,x2^2" (default "x1,x2"; also x1*x2, sin(x1), sin(x2)). */
  @property() features: string | null = null;
  /** w(0), one number per feature, e.g. "w1,w2" (default "-4,-2"). */
  @property({ attribute: 'initial-weights' }) initialWeights: string | null = null;
  /** Train a bias b as well (the tutorial's model has none). */
  @property({ type: Boolean }) bias = false;
  /** "sum" (the tutorial's) or "mean" cost. */
  @property() reduction: string | null = null;
  /** λ of the L2 penalty (λ/2)‖w‖² (default 0). */
  @property() l2: string | null = null;
  /** Class 1 is predicted where y ≥ threshold (default 0.5). */
  @property() threshold: string | null = null;
  /** The share of the data held out as a test set, 0 to 0.9 (default 0). */
  @property({ attribute: 'test-fraction' }) testFraction: string | null = null;
  /** The rule each step follows: "gd" (gradient descent, the default), "momentum", "nesterov", "adam" or "newton". */
  @property() optimizer: string | null = null;
  /** β of momentum and Nesterov, 0 to 0.999 (default 0.9). */
  @property() momentum: string | null = null;
  /** Adam's β₁, 0 to 0.999 (default 0.9). */
  @property() beta1: string | null = null;
  /** Adam's β₂, 0 to 0.99999 (default 0.999). */
  @property() beta2: string | null = null;
  /** Adam's ε, 1e-12 to 1 (default 1e-8). */
  @property() epsilon: string | null = null;
  /**
   * A race of two to six optimisers from the same w(0), racer 1 the model itself, e.g.
   * "gd:0.05,momentum:0.01:0.9,adam:0.3" (optimiser:η, and :β for momentum and Nesterov); none by default.
   */
  @property() race: string | null = null;
  /** "auto" (GPU when WebGPU is there), "gpu" or "cpu". */
  @property() engine: string | null = null;
  /** Mirror the settings to the page's URL hash and restore them from it. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Handle the keyboard shortcuts anywhere on the page, not only inside the element. */
  @property({ type: Boolean, attribute: 'global-shortcuts' }) globalShortcuts = false;

  /** Found once: the declarations are fixed when the class is defined, and an update (every frame of Play) reads them. */
  private static found: Map<string, { property: PropertyKey; boolean: boolean }> | undefined;

  /** The declared properties that hold a model attribute (a setting's or the engine's), by attribute name. */
  private static modelProperties(): Map<string, { property: PropertyKey; boolean: boolean }> {
    if (ModelAttributes.found) return ModelAttributes.found;
    const found = new Map<string, { property: PropertyKey; boolean: boolean }>();
    for (const [key, options] of ModelAttributes.elementProperties) {
      const name = typeof options.attribute === 'string' ? options.attribute : String(key).toLowerCase();
      if (SETTING_ATTRIBUTES.has(name) || name === ENGINE_ATTRIBUTE) {
        found.set(name, { property: key, boolean: options.type === Boolean });
      }
    }
    ModelAttributes.found = found;
    return found;
  }

  /** The attributes' values as text, named as the settings table names them (a boolean that is on reads "1"). */
  protected attributeValues(): Record<string, string | null> {
    const values: Record<string, string | null> = {};
    for (const [name, { property: key, boolean }] of ModelAttributes.modelProperties()) {
      const value = (this as unknown as Record<PropertyKey, unknown>)[key];
      values[name] = boolean ? (value ? '1' : null) : ((value as string | null) ?? null);
    }
    return values;
  }

  /** What the attributes changed in this update ask for (a first value, set before any update, asks for nothing). */
  protected attributeChange(changed: PropertyValues): AttributeChange {
    let data = false;
    let training = false;
    let engine = false;
    for (const [name, { property: key }] of ModelAttributes.modelProperties()) {
      if (!changed.has(key) || changed.get(key) === undefined) continue;
      if (name === ENGINE_ATTRIBUTE) engine = true;
      else if (DATA_ATTRIBUTES.has(name)) data = true;
      else training = true;
    }
    return { data, training, engine };
  }
}
