import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import './lp-confusion-matrix';
import type { LpConfusionMatrix } from './lp-confusion-matrix';
import { settingsSent } from './testing/controls';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

/** The table as text, row by row: the header row, then t = 0 and t = 1. */
function rows(matrix: LpConfusionMatrix): string[][] {
  const table = matrix.shadowRoot?.querySelector('table');
  if (!table) return [];
  return [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? ''));
}

const cell = (matrix: LpConfusionMatrix, name: string) =>
  matrix.shadowRoot?.querySelector<HTMLTableCellElement>(`[data-cell=${name}]`) ?? null;

let start: PublishedState;
let afterThree: PublishedState;
beforeAll(async () => {
  [start, afterThree] = await Promise.all([publishedState(0), publishedState(3)]);
});

describe('<lp-confusion-matrix> alone', () => {
  it('draws nothing until it has a confusion', async () => {
    const matrix = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix></lp-confusion-matrix>`);
    expect(matrix.shadowRoot?.querySelector('table')).toBeNull();
    expect(matrix.offsetHeight).toBe(0);
  });

  it('puts the true class in rows and the prediction in columns', async () => {
    const matrix = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix></lp-confusion-matrix>`);
    matrix.confusion = { truePositive: 18, falsePositive: 4, trueNegative: 16, falseNegative: 2 };
    await settled(matrix);
    expect(rows(matrix)).toEqual([
      ['t \\ ŷ', 'ŷ = 0', 'ŷ = 1'],
      ['t = 0', '16', '4'],
      ['t = 1', '2', '18'],
    ]);
    expect(matrix.shadowRoot?.querySelector('caption')?.textContent).toBe('Confusion matrix at y ≥ 0.5');
    expect(matrix.shadowRoot?.querySelector('[part=table]')).not.toBeNull();
  });

  it('gives the precision, recall and F1 of the counts, at the threshold it names', async () => {
    const matrix = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix threshold="0.7"></lp-confusion-matrix>`);
    matrix.confusion = { truePositive: 18, falsePositive: 4, trueNegative: 16, falseNegative: 2 };
    await settled(matrix);
    const measure = (name: string) => matrix.shadowRoot?.querySelector(`[data-measure=${name}]`)?.textContent;
    // 18 of the 22 called class 1 are; 18 of the 20 of class 1 are called so.
    expect(measure('precision')).toBe((18 / 22).toFixed(3));
    expect(measure('recall')).toBe((18 / 20).toFixed(3));
    expect(measure('f1')).toBe(((2 * (18 / 22) * (18 / 20)) / (18 / 22 + 18 / 20)).toFixed(3));
    expect(matrix.shadowRoot?.querySelector('caption')?.textContent).toBe('Confusion matrix at y ≥ 0.7');
  });

  it('with adjustable, asks for the threshold by its slider, by pointer or keys, and shows the value beside it', async () => {
    const matrix = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix adjustable></lp-confusion-matrix>`);
    matrix.confusion = { truePositive: 1, falsePositive: 2, trueNegative: 3, falseNegative: 4 };
    await settled(matrix);
    const sent = settingsSent(matrix);
    const slider = matrix.shadowRoot?.querySelector('#threshold-slider') as HTMLInputElement;
    expect([slider.min, slider.max, slider.value]).toEqual(['0.01', '0.99', '0.5']);
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    matrix.threshold = 0.51;
    await settled(matrix);
    await userEvent.keyboard('{PageUp}');
    expect(sent).toEqual([{ training: { threshold: 0.51 } }, { training: { threshold: 0.61 } }]);
    matrix.threshold = 0.61;
    await settled(matrix);
    expect(matrix.shadowRoot?.querySelector('[data-threshold]')?.textContent).toBe('0.61');
    expect(await seriousViolations(matrix)).toEqual([]);
    // Without it, a figure: the value in the caption, no slider.
    const figure = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix threshold="0.3"></lp-confusion-matrix>`);
    figure.confusion = matrix.confusion;
    await settled(figure);
    expect(figure.shadowRoot?.querySelector('#threshold-slider')).toBeNull();
    expect(figure.shadowRoot?.querySelector('caption')?.textContent).toBe('Confusion matrix at y ≥ 0.3');
  });

  it('marks the diagonal right and the rest wrong, in different colours', async () => {
    const matrix = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix></lp-confusion-matrix>`);
    matrix.confusion = { truePositive: 1, falsePositive: 2, trueNegative: 3, falseNegative: 4 };
    await settled(matrix);
    const classes = ['tn', 'fp', 'fn', 'tp'].map((name) => cell(matrix, name)?.className);
    expect(classes).toEqual(['right', 'wrong', 'wrong', 'right']);
    const background = (name: string) => getComputedStyle(cell(matrix, name) as Element).backgroundColor;
    expect(background('tn')).toBe(background('tp'));
    expect(background('fp')).toBe(background('fn'));
    expect(background('tn')).not.toBe(background('fp'));
  });

  it('names the cells for a screen reader: column and row headers, and what t \\ ŷ means', async () => {
    const matrix = await mount<LpConfusionMatrix>(html`<lp-confusion-matrix></lp-confusion-matrix>`);
    matrix.confusion = { truePositive: 18, falsePositive: 4, trueNegative: 16, falseNegative: 2 };
    await settled(matrix);
    const root = matrix.shadowRoot as ShadowRoot;
    expect([...root.querySelectorAll('th[scope=col]')].map((th) => th.textContent?.trim())).toEqual([
      't \\ ŷ',
      'ŷ = 0',
      'ŷ = 1',
    ]);
    expect([...root.querySelectorAll('th[scope=row]')].map((th) => th.textContent)).toEqual(['t = 0', 't = 1']);
    expect(root.querySelector('abbr')?.title).toBe('rows: the true class t; columns: the class predicted');
    expect(await seriousViolations(matrix)).toEqual([]);
  });
});

describe('<lp-confusion-matrix> in a model', () => {
  it("shows the tutorial's counts at w(0) and after three steps, 40 points in all", async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-confusion-matrix></lp-confusion-matrix></lp-fake-model>`,
    );
    const matrix = model.querySelector('lp-confusion-matrix') as LpConfusionMatrix;
    expect(rows(matrix)).toEqual([]);
    model.state = startingState({ published: start });
    await settled(model);
    // w(0) = (−4, −2) points the wrong way: 6 of 40 right, accuracy 15 %.
    expect(rows(matrix).slice(1)).toEqual([
      ['t = 0', '4', '16'],
      ['t = 1', '18', '2'],
    ]);
    model.state = startingState({ published: afterThree });
    await settled(model);
    // w(3): 34 of 40 right, accuracy 85 %.
    expect(rows(matrix).slice(1)).toEqual([
      ['t = 0', '16', '4'],
      ['t = 1', '2', '18'],
    ]);
    const counts = rows(matrix)
      .slice(1)
      .flatMap((row) => row.slice(1).map(Number));
    expect(counts.reduce((a, b) => a + b)).toBe(afterThree.state.samples);
    expect(
      (Number(cell(matrix, 'tn')?.textContent) + Number(cell(matrix, 'tp')?.textContent)) / afterThree.state.samples,
    ).toBe(afterThree.state.accuracy);
  });

  it('follows the model again after it is taken out and put back', async () => {
    const model = await mount<LpFakeModel>(
      html`<lp-fake-model><lp-confusion-matrix></lp-confusion-matrix></lp-fake-model>`,
    );
    const matrix = model.querySelector('lp-confusion-matrix') as LpConfusionMatrix;
    model.state = startingState({ published: start });
    await settled(model);
    matrix.remove();
    model.append(matrix);
    model.state = startingState({ published: afterThree });
    await settled(model);
    expect(cell(matrix, 'tp')?.textContent).toBe('18');
  });
});
