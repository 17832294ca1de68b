import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { TUTORIAL_REFERENCE } from '../src/model/tutorial-reference';
import type { TrainingState } from '../src/session/training-session';
import './lp-playground';
import type { FrameEvent, LpPlayground } from './lp-playground';
import { mount, seriousViolations, settled } from './testing/mount';

const { path, tolerance } = TUTORIAL_REFERENCE;
const W0 = TUTORIAL_REFERENCE.start;
const TWO_POINTS = 'x1,x2,t\n0.5,1,0\n-1,2,1\n';

function expectWeights(state: TrainingState, expected: readonly [number, number], within: number = tolerance): void {
  expect(Math.abs(state.weights[0]! - expected[0]), `w1 = ${state.weights[0]}`).toBeLessThanOrEqual(within);
  expect(Math.abs(state.weights[1]! - expected[1]), `w2 = ${state.weights[1]}`).toBeLessThanOrEqual(within);
}

/** The first element matching `selector` in `root`'s tree, through every shadow root. */
function deep<E extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): E | null {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const here = scope.querySelector<E>(selector);
  if (here) return here;
  for (const e of scope.querySelectorAll('*')) {
    if (!e.shadowRoot) continue;
    const found = deep<E>(e.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}

/** The focused element, through shadow roots. */
function deepFocus(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function started(): Promise<LpPlayground> {
  const playground = await mount<LpPlayground>(html`<lp-playground engine="cpu"></lp-playground>`);
  await playground.ready;
  await settled(playground);
  return playground;
}

const readout = (playground: LpPlayground, name: string) =>
  deep(playground, `[data-readout=${name}]`)?.textContent?.trim();
const control = (playground: LpPlayground, selector: string) => deep<HTMLButtonElement>(playground, selector);

describe('<lp-playground engine="cpu">', () => {
  it("starts at the tutorial's w(0) and steps, by API and by its Step buttons, along the tutorial's path", async () => {
    const playground = await started();
    expect(playground.state).toMatchObject({ iteration: 0, weights: [...W0], samples: 40, engine: 'cpu' });
    expect(playground.settings.training.learningRate).toBe(0.05);
    expect(readout(playground, 'iteration')).toBe('0');
    expect(readout(playground, 'samples')).toBe('40');
    await playground.step(3);
    expectWeights(playground.state, path[3]);
    await settled(playground);
    expect(readout(playground, 'iteration')).toBe('3');

    (control(playground, '[data-action=reset]') as HTMLButtonElement).click();
    await expect.poll(() => playground.state.iteration).toBe(0);
    (control(playground, '[data-action=step]') as HTMLButtonElement).click();
    await expect.poll(() => playground.state.iteration).toBe(1);
    expectWeights(playground.state, path[1]);
    (control(playground, '[data-action=step10]') as HTMLButtonElement).click();
    await expect.poll(() => playground.state.iteration).toBe(11);
    await playground.reset();
    await playground.step(10);
    expectWeights(playground.state, path[10]);
    expect(Math.abs(playground.state.cost - TUTORIAL_REFERENCE.cost10)).toBeLessThanOrEqual(tolerance);
    expect(playground.state.accuracy).toBeCloseTo((40 - TUTORIAL_REFERENCE.misclassified10) / 40, 12);
    await settled(playground);
    expect(readout(playground, 'iteration')).toBe('10');
    expect(await seriousViolations(playground)).toEqual([]);

    // Its `learning-rate` goes to its model: η doubled doubles the first step of the tutorial's.
    playground.setAttribute('learning-rate', '0.1');
    await expect.poll(() => playground.settings.training.learningRate).toBe(0.1);
    expect(playground.state.iteration).toBe(10);
    await playground.reset();
    await playground.step();
    const doubled: [number, number] = [W0[0] + 2 * (path[1][0] - W0[0]), W0[1] + 2 * (path[1][1] - W0[1])];
    expectWeights(playground.state, doubled, 2 * tolerance);
  });

  it('configure(), change(), loadCsv(), undo(), exportCsv(), the exportModel()/loadModel() round trip, play() and lp-frame', async () => {
    const playground = await started();
    await playground.step(3);
    const file = playground.exportModel();
    expect(file).toMatchObject({ iteration: 3, engine: 'cpu', data: { samples: 40, source: 'tutorial' } });
    expectWeights(playground.state, path[3]);
    await playground.configure({ learningRate: 0.2 });
    expect(playground.state.iteration).toBe(3);
    await expect(playground.change({ training: { learningRate: 20 } })).rejects.toThrow(RangeError);
    expect(playground.settings.training.learningRate).toBe(0.2);
    await playground.loadCsv(TWO_POINTS);
    expect(playground.state).toMatchObject({ iteration: 0, samples: 2 });
    expect(playground.exportCsv().trim().split('\n')).toEqual(['x1,x2,t', '0.5,1,0', '-1,2,1']);
    await expect(playground.loadCsv('x1,x2,t\n1,2,3\n')).rejects.toThrow(/^Line 2: /);
    expect(playground.state.samples).toBe(2);
    await playground.undo();
    expect(playground.state.samples).toBe(40);
    await playground.loadModel(JSON.stringify(file));
    expect(playground.state).toMatchObject({ iteration: 3, weights: file.weights, samples: 40 });
    expect(playground.settings.training.learningRate).toBe(0.05);

    const frames: FrameEvent[] = [];
    playground.addEventListener('lp-frame', (e) => frames.push(e));
    playground.play();
    expect(playground.playing).toBe(true);
    await expect.poll(() => frames.length).toBeGreaterThan(0);
    playground.pause();
    expect(playground.playing).toBe(false);
    expect(frames[0]?.detail.learningRate).toBe(0.05);
    expect(frames[0]?.detail.iteration).toBeGreaterThan(3);
  });

  it('takes calls before it is on the page, in the order they were made', async () => {
    const holder = await mount<HTMLDivElement>(html`<div></div>`);
    const playground = document.createElement('lp-playground');
    playground.setAttribute('engine', 'cpu');
    expect(() => playground.exportCsv()).toThrow(/await its `ready` first/);
    const loading = playground.loadCsv(TWO_POINTS);
    const stepping = playground.step(2);
    holder.append(playground);
    await Promise.all([loading, stepping, playground.ready]);
    expect(playground.state).toMatchObject({ iteration: 2, samples: 2 });

    // Removed (not just moved) and put back: it starts again from w(0) with its data.
    playground.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    holder.append(playground);
    await playground.step(0);
    expect(playground.state).toMatchObject({ iteration: 0, samples: 2, weights: [...W0] });
    await settled(playground);
    expect(readout(playground, 'samples')).toBe('2');
  });

  it('is driven by keyboard: Tab and Enter on its buttons, → to step, P for presentation (1.25 times larger), ? for the keys', async () => {
    const playground = await started();
    const play = control(playground, '[data-action=play]') as HTMLButtonElement;
    play.focus();
    await userEvent.tab();
    expect(deepFocus()).toBe(control(playground, '[data-action=step]'));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => playground.state.iteration).toBe(1);
    expectWeights(playground.state, path[1]);
    // Keys work wherever focus is inside: here on Step (a button keeps only Space and Enter).
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => playground.state.iteration).toBe(2);
    expectWeights(playground.state, path[2]);

    const size = () => Number.parseFloat(getComputedStyle(deep(playground, '.root') as HTMLElement).fontSize);
    const normal = size();
    const toggle = control(playground, '[part=presentation-button]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await userEvent.keyboard('p');
    await settled(playground);
    expect(playground.presentation).toBe(true);
    expect(playground.hasAttribute('presentation')).toBe(true);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(size() / normal).toBeCloseTo(1.25, 2);
    toggle.click();
    await settled(playground);
    expect(playground.presentation).toBe(false);
    expect(size()).toBeCloseTo(normal, 5);

    (control(playground, '[data-action=step]') as HTMLButtonElement).focus();
    await userEvent.keyboard('?');
    const help = deep(playground, '#help') as HTMLElement;
    await expect.poll(() => help.matches(':popover-open')).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => help.matches(':popover-open')).toBe(false);
  });
});
