import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { TUTORIAL_REFERENCE } from '../src/model/tutorial-reference';
import type { TrainingState } from '../src/session/training-session';
import './lp-model';
import type { FrameEvent, LpModel } from './lp-model';
import { consumeModel, type ModelState } from './model-context';
import { mount, seriousViolations, settled } from './testing/mount';

/** A figure's view of the model: the last state the context gave it. */
class TestModelReader extends LitElement {
  latest: ModelState | undefined;
  constructor() {
    super();
    consumeModel(this, (state) => {
      this.latest = state;
    });
  }
}
if (!customElements.get('test-model-reader')) customElements.define('test-model-reader', TestModelReader);

const { path, tolerance } = TUTORIAL_REFERENCE;
const W0 = TUTORIAL_REFERENCE.start;

/** Weights within `within` of the tutorial's printed (4-decimal) numbers. */
function expectWeights(state: TrainingState, expected: readonly [number, number], within: number = tolerance): void {
  expect(Math.abs(state.weights[0]! - expected[0]), `w1 = ${state.weights[0]}`).toBeLessThanOrEqual(within);
  expect(Math.abs(state.weights[1]! - expected[1]), `w2 = ${state.weights[1]}`).toBeLessThanOrEqual(within);
}

/** A model on the CPU over the tutorial's data, with a figure (a reader) and a focusable control inside. */
async function started(shortcuts = false): Promise<{ model: LpModel; reader: TestModelReader }> {
  const model = await mount<LpModel>(
    html`<lp-model engine="cpu" ?no-shortcuts=${!shortcuts}><test-model-reader></test-model-reader><button type="button">inside</button></lp-model>`,
  );
  await model.ready;
  await settled(model);
  return { model, reader: model.querySelector('test-model-reader') as TestModelReader };
}

/** Every `type` event that reaches `target` from now on. */
function caught<E extends Event = CustomEvent>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  target.addEventListener(type, (e) => events.push(e as E));
  return events;
}

/** Lets a task pass: long enough for a removal to count as one (not a move). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('<lp-model engine="cpu">', () => {
  it("starts at the tutorial's w(0) = (−4, −2) over its 40 points, and tells the figures inside", async () => {
    const model = await mount<LpModel>(
      html`<lp-model engine="cpu" no-shortcuts><test-model-reader></test-model-reader></lp-model>`,
    );
    // Before the start: w(0) from the attributes, nothing measured.
    expect(model.state.iteration).toBe(0);
    expect(model.state.weights).toEqual([...W0]);
    await model.ready;
    await settled(model);
    const { state } = model;
    expect(state).toMatchObject({ iteration: 0, weights: [...W0], bias: 0, samples: 40, engine: 'cpu' });
    expect(state.cost).toBeGreaterThan(0);
    expect(state.meanCost).toBeCloseTo(state.cost / 40, 12);
    expect(model.settings.training.learningRate).toBe(TUTORIAL_REFERENCE.learningRate);
    expect(model.playing).toBe(false);
    const seen = (model.querySelector('test-model-reader') as TestModelReader).latest;
    expect(seen?.published?.state.samples).toBe(40);
    expect(seen?.engineDetail).toBe('chosen with engine="cpu"');
    expect(seen?.adapterText).not.toBe('Looking for a WebGPU adapter…');
    expect(seen?.error).toBe('');
    expect(await seriousViolations(model)).toEqual([]);
  });

  it("steps along the tutorial's path: w(1), w(2), w(3), then w(10) with Σξ = 14.4916 and 6 of 40 wrong; reset goes back to w(0)", async () => {
    const { model, reader } = await started();
    for (const k of [1, 2, 3] as const) {
      await model.step();
      expect(model.state.iteration).toBe(k);
      expectWeights(model.state, path[k]);
    }
    await model.step(7);
    const w10 = model.state;
    expect(w10.iteration).toBe(10);
    expectWeights(w10, path[10]);
    expect(Math.abs(w10.cost - TUTORIAL_REFERENCE.cost10)).toBeLessThanOrEqual(tolerance);
    expect(w10.accuracy).toBeCloseTo((40 - TUTORIAL_REFERENCE.misclassified10) / 40, 12);
    await settled(model);
    expect(reader.latest?.published?.state.iteration).toBe(10);
    await model.reset();
    expect(model.state).toMatchObject({ iteration: 0, weights: [...W0] });
  });

  it('takes its learning rate from the `learning-rate` attribute, and follows it when it changes', async () => {
    const { model } = await started();
    model.setAttribute('learning-rate', '0.1');
    await expect.poll(() => model.settings.training.learningRate).toBe(0.1);
    await model.step();
    // η doubled from the tutorial's: w(1) = w(0) + 2·(w(1) − w(0)) of the tutorial.
    const doubled: [number, number] = [W0[0] + 2 * (path[1][0] - W0[0]), W0[1] + 2 * (path[1][1] - W0[1])];
    expectWeights(model.state, doubled, 2 * tolerance);
    // A learning rate applies to the running training: the weights stay.
    const before = model.state.weights;
    model.setAttribute('learning-rate', '0.05');
    await expect.poll(() => model.settings.training.learningRate).toBe(0.05);
    expect(model.state.weights).toEqual(before);
    expect(model.state.iteration).toBe(1);
  });

  it('starts with the attributes it is given, and names a bad one in a notice', async () => {
    const model = await mount<LpModel>(
      html`<lp-model engine="cpu" no-shortcuts learning-rate="fast" initial-weights="1,-1"><test-model-reader></test-model-reader></lp-model>`,
    );
    await model.ready;
    await settled(model);
    expect(model.state).toMatchObject({ iteration: 0, weights: [1, -1] });
    expect(model.settings.training.learningRate).toBe(0.05);
    const notices = (model.querySelector('test-model-reader') as TestModelReader).latest?.notices ?? [];
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^learning-rate="fast" was ignored: /);
  });

  it('configure() and change() change the settings, refuse a bad value with a RangeError, and change nothing then', async () => {
    const { model } = await started();
    await model.step(2);
    await model.configure({ learningRate: 0.2 });
    expect(model.settings.training.learningRate).toBe(0.2);
    expect(model.state.iteration).toBe(2);
    await expect(model.change({ training: { learningRate: 20 } })).rejects.toThrow(RangeError);
    await expect(model.configure({ learningRate: 0 })).rejects.toThrow(/η must be between 1e-6 and 10/);
    expect(model.settings.training.learningRate).toBe(0.2);
    // A new start goes back to w(0), the new one.
    await model.configure({ initialWeights: [1, -1] });
    expect(model.state).toMatchObject({ iteration: 0, weights: [1, -1] });
  });

  it('loadCsv() replaces the data; a bad line is refused by number and the data stay; undo() brings the old data back', async () => {
    const { model } = await started();
    await model.step(3);
    await model.loadCsv('x1,x2,t\n0.5,1,0\n-1,2,1\n', 'two.csv');
    expect(model.state).toMatchObject({ iteration: 0, samples: 2, weights: [...W0] });
    const csv = model.exportCsv();
    expect(csv.trim().split('\n')).toEqual(['x1,x2,t', '0.5,1,0', '-1,2,1']);
    await expect(model.loadCsv('x1,x2,t\n0.5,1,0\n-1,oops,1\n')).rejects.toThrow('Line 3: x2 is not a number: "oops"');
    expect(model.state.samples).toBe(2);
    expect(model.exportCsv()).toBe(csv);
    await model.undo();
    expect(model.state.samples).toBe(40);
    await model.redo();
    expect(model.state.samples).toBe(2);
  });

  it("exportModel() writes w(3) and the tutorial's data; loadModel() of it (object or JSON) comes back to w(3)", async () => {
    const { model } = await started();
    await model.step(3);
    const file = model.exportModel();
    expect(file).toMatchObject({
      iteration: 3,
      bias: 0,
      engine: 'cpu',
      data: { samples: 40, class0: 20, class1: 20, source: 'tutorial' },
    });
    expectWeights(model.state, path[3]);
    expect(file.weights).toEqual(model.state.weights);
    await model.step(7);
    await model.loadModel(file);
    expect(model.state.iteration).toBe(3);
    expect(model.state.weights).toEqual(file.weights);
    await model.reset();
    await model.loadModel(JSON.stringify(file));
    expect(model.state).toMatchObject({ iteration: 3, weights: file.weights });
    await expect(model.loadModel({ ...file, iteration: -1 })).rejects.toThrow(RangeError);
    expect(model.state.iteration).toBe(3);
  });

  it("answers the figures' events: lp-step, lp-reset, lp-settings", async () => {
    const { model } = await started();
    const figure = model.querySelector('button') as HTMLButtonElement;
    const send = (type: 'lp-step' | 'lp-reset' | 'lp-settings', detail: unknown) =>
      figure.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    send('lp-step', { count: 3 });
    await expect.poll(() => model.state.iteration).toBe(3);
    expectWeights(model.state, path[3]);
    send('lp-settings', { training: { learningRate: 0.1 } });
    await expect.poll(() => model.settings.training.learningRate).toBe(0.1);
    send('lp-reset', null);
    await expect.poll(() => model.state.iteration).toBe(0);
  });

  it('takes → (one step), Shift+→ (ten) and R (reset) from inside, and no key with no-shortcuts', async () => {
    const { model } = await started(true);
    (model.querySelector('button') as HTMLButtonElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => model.state.iteration).toBe(1);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await expect.poll(() => model.state.iteration).toBe(11);
    await userEvent.keyboard('r');
    await expect.poll(() => model.state.iteration).toBe(0);
    model.noShortcuts = true;
    await settled(model);
    await userEvent.keyboard('{ArrowRight}');
    await model.step(0);
    expect(model.state.iteration).toBe(0);
  });

  it('plays: fires lp-frame with the iteration and η it drew, and pause() stops it', async () => {
    const { model } = await started();
    const frames = caught<FrameEvent>(model, 'lp-frame');
    model.play();
    expect(model.playing).toBe(true);
    await expect.poll(() => frames.length).toBeGreaterThan(0);
    model.pause();
    expect(model.playing).toBe(false);
    const first = frames[0];
    expect(first?.detail.learningRate).toBe(0.05);
    expect(first?.detail.iteration).toBeGreaterThan(0);
    expect(first?.bubbles && first.composed).toBe(true);
    await model.step(0);
    const stopped = model.state.iteration;
    expect(frames.at(-1)?.detail.iteration).toBeLessThanOrEqual(stopped);
    await nextTask();
    expect(model.state.iteration).toBe(stopped);
  });

  it('keeps its run when moved, and starts again with its settings and data when put back after a removal', async () => {
    const { model, reader } = await started();
    await model.loadCsv('x1,x2,t\n0.5,1,0\n-1,2,1\n');
    await model.configure({ learningRate: 0.1 });
    await model.step(2);
    const parent = model.parentElement as HTMLElement;
    // Moved: out and back in the same task.
    model.remove();
    parent.append(model);
    await nextTask();
    expect(model.state).toMatchObject({ iteration: 2, samples: 2 });
    // Removed: it lets go; put back, it starts again from w(0) with its settings and its data.
    model.remove();
    await nextTask();
    await expect(model.step()).rejects.toThrow(/not on a page/);
    parent.append(model);
    await model.step(0);
    expect(model.state).toMatchObject({ iteration: 0, samples: 2, weights: [...W0] });
    expect(model.settings.training.learningRate).toBe(0.1);
    await model.step();
    expect(model.state.iteration).toBe(1);
    await settled(model);
    expect(reader.latest?.published?.state.iteration).toBe(1);
  });

  it('says what its attributes ask for before it starts: its settings and its state agree', () => {
    const model = document.createElement('lp-model');
    model.setAttribute('learning-rate', '0.1');
    model.setAttribute('initial-weights', '1,-1');
    expect(model.settings.training.learningRate).toBe(0.1);
    expect(model.settings.training.initialWeights).toEqual([1, -1]);
    expect(model.state.weights).toEqual([1, -1]);
  });

  it('exportCsv() before the start says to wait for ready', async () => {
    const model = await mount<LpModel>(html`<lp-model engine="cpu" no-shortcuts></lp-model>`);
    expect(() => model.exportCsv()).toThrow(/await its `ready` first/);
    await model.ready;
    expect(model.exportCsv().split('\n')[0]).toBe('x1,x2,t');
  });
});
