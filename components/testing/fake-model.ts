/**
 * A stand-in for <lp-model> in element tests: an element that provides the
 * model context with a state the test sets, so an element is tested alone
 * (no engine, no controller of its own) and what it sends up is caught as
 * events. `publishedState()` runs the real controller on the CPU engine over
 * the tutorial's data, so the state the elements read is the real shape.
 */
import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import { PlaygroundController } from '../../src/controller/playground-controller';
import type { PublishedState } from '../../src/controller/published-state';
import { CpuEngine } from '../../src/engine/cpu-engine';
import { CPU_BUDGET } from '../../src/session/cost-surface-job';
import { DEFAULT_PLAYGROUND } from '../../src/settings/playground-settings';
import { type ModelState, modelContext } from '../model-context';

/** A model state with nothing published yet (what elements see while the engine starts). */
export function startingState(overrides: Partial<ModelState> = {}): ModelState {
  return {
    published: undefined,
    settings: DEFAULT_PLAYGROUND,
    playing: false,
    busy: undefined,
    waiting: 0,
    notices: [],
    error: '',
    engineDetail: '',
    adapterText: '',
    addClass: 1,
    ...overrides,
  };
}

/**
 * What the real controller publishes on the CPU engine after `steps` steps of
 * the tutorial's experiment (settings as given, the tutorial's by default).
 */
export async function publishedState(steps = 0, settings = DEFAULT_PLAYGROUND): Promise<PublishedState> {
  const controller = new PlaygroundController({ engine: new CpuEngine(), settings, budget: CPU_BUDGET });
  await controller.ready();
  if (steps > 0) await controller.step(steps);
  const view = controller.published;
  controller.destroy();
  if (!view) throw new Error('the controller published nothing');
  return view;
}

/** <lp-fake-model>: provides `state` to the elements inside it, as <lp-model> does. */
export class LpFakeModel extends LitElement {
  private readonly provider = new ContextProvider(this, { context: modelContext, initialValue: startingState() });

  /** The state the elements inside read; setting it tells them, as a new model state would. */
  set state(next: ModelState) {
    this.provider.setValue(next);
  }

  get state(): ModelState {
    return this.provider.value;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('lp-fake-model')) customElements.define('lp-fake-model', LpFakeModel);
