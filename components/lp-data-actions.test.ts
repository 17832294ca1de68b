import { html } from 'lit';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PublishedState } from '../src/controller/published-state';
import { TUTORIAL_REFERENCE } from '../src/model/tutorial-reference';
import './lp-data-actions';
import type { LpDataActions } from './lp-data-actions';
import { type LpFakeModel, publishedState, startingState } from './testing/fake-model';
import { mount, seriousViolations, settled } from './testing/mount';

/** The tutorial's run after 3 steps, as the real controller publishes it (computed once). */
let view: PublishedState;
beforeAll(async () => {
  view = await publishedState(3);
});

interface Download {
  readonly name: string;
  readonly href: string;
}

/** Catches the files the element hands the browser (download links clicked) instead of saving them. */
function catchDownloads(): { files: Download[]; text: (file: Download | undefined) => Promise<string> } {
  const files: Download[] = [];
  const onClick = (event: MouseEvent) => {
    const link = event.target;
    if (link instanceof HTMLAnchorElement && link.download) {
      event.preventDefault();
      files.push({ name: link.download, href: link.href });
    }
  };
  document.addEventListener('click', onClick, true);
  stopCatching = () => document.removeEventListener('click', onClick, true);
  return {
    files,
    text: async (file) => {
      if (!file) throw new Error('no file was downloaded');
      return (await fetch(file.href)).text();
    },
  };
}
let stopCatching: () => void = () => undefined;
afterEach(() => {
  stopCatching();
  stopCatching = () => undefined;
  vi.restoreAllMocks();
});

/** Every `type` event that reaches `target` from now on, as it arrives (a missing event fails an assertion, not a timeout). */
function caught<E extends Event = CustomEvent>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  target.addEventListener(type, (e) => events.push(e as E));
  return events;
}

async function inModel(state = view): Promise<{ model: LpFakeModel; actions: LpDataActions }> {
  const model = await mount<LpFakeModel>(html`<lp-fake-model><lp-data-actions></lp-data-actions></lp-fake-model>`);
  model.state = startingState({ published: state });
  await settled(model);
  return { model, actions: model.querySelector('lp-data-actions') as LpDataActions };
}

const button = (actions: LpDataActions, selector: string) =>
  actions.shadowRoot?.querySelector<HTMLButtonElement>(selector) as HTMLButtonElement;
const menu = (actions: LpDataActions) => actions.shadowRoot?.querySelector('#export-menu') as HTMLElement;
const said = (actions: LpDataActions) => actions.shadowRoot?.querySelector('.said')?.textContent?.trim();
const focused = (actions: LpDataActions) => actions.shadowRoot?.activeElement;

async function openMenu(actions: LpDataActions): Promise<void> {
  button(actions, '[data-action=export]').click();
  await settled(actions);
  expect(menu(actions).matches(':popover-open')).toBe(true);
}

/** Chooses `file` in the menu's "Load model (JSON)…" picker. */
function chooseFile(actions: LpDataActions, file: File): void {
  const input = actions.shadowRoot?.querySelector('input[type=file]') as HTMLInputElement;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<lp-data-actions>', () => {
  it('offers nothing to undo, export or share alone, outside any model', async () => {
    const actions = await mount<LpDataActions>(html`<lp-data-actions></lp-data-actions>`);
    const undo = button(actions, '[data-action=undo]');
    expect(undo.disabled).toBe(true);
    expect(undo.getAttribute('aria-label')).toBe('Undo');
    expect(undo.title).toBe('Nothing to undo');
    expect(button(actions, '[data-action=redo]').title).toBe('Nothing to redo');
    expect(button(actions, '[data-action=export]').disabled).toBe(true);
    expect(button(actions, '[data-action=copy-link]').disabled).toBe(true);
  });

  it("names what Undo and Redo would do, from the model's state, and sends lp-undo and lp-redo", async () => {
    const { model, actions } = await inModel();
    // The tutorial's data, unchanged: nothing to undo yet; Export and Share are on.
    expect(button(actions, '[data-action=undo]').disabled).toBe(true);
    expect(button(actions, '[data-action=export]').disabled).toBe(false);
    expect(button(actions, '[data-action=copy-link]').disabled).toBe(false);
    model.state = startingState({ published: { ...view, undo: { undo: 'add a point', redo: 'remove a point' } } });
    await settled(model);
    const undo = button(actions, '[data-action=undo]');
    const redo = button(actions, '[data-action=redo]');
    expect(undo.disabled).toBe(false);
    expect(undo.getAttribute('aria-label')).toBe('Undo: add a point');
    expect(undo.title).toBe('Undo: add a point (Ctrl+Z)');
    expect(redo.getAttribute('aria-label')).toBe('Redo: remove a point');
    expect(redo.title).toBe('Redo: remove a point (Ctrl+Shift+Z)');

    const undone = caught(model, 'lp-undo');
    const redone = caught(model, 'lp-redo');
    undo.click();
    expect(undone.map((e) => [e.detail, e.bubbles, e.composed])).toEqual([[null, true, true]]);
    expect(redone).toEqual([]);
    redo.click();
    expect(redone.map((e) => e.detail)).toEqual([null]);
    expect(undone.length).toBe(1);
  });

  it('exports the data as CSV: the header x1,x2,t and the 40 points, 20 a class', async () => {
    const { actions } = await inModel();
    const downloads = catchDownloads();
    await openMenu(actions);
    button(actions, '[data-export=data]').click();
    await settled(actions);
    expect(menu(actions).matches(':popover-open')).toBe(false);
    expect(downloads.files.map((f) => f.name)).toEqual(['logistic-data.csv']);
    const lines = (await downloads.text(downloads.files[0])).trim().split('\n');
    expect(lines[0]).toBe('x1,x2,t');
    expect(lines.length).toBe(41);
    expect(lines.filter((l) => l.endsWith(',0')).length).toBe(20);
    expect(lines.filter((l) => l.endsWith(',1')).length).toBe(20);
  });

  it("exports the model as JSON: the tutorial's w(3), the iteration, the data's counts and the engine", async () => {
    const { actions } = await inModel();
    const downloads = catchDownloads();
    await openMenu(actions);
    button(actions, '[data-export=model]').click();
    expect(downloads.files.map((f) => f.name)).toEqual(['logistic-model.json']);
    const model = JSON.parse(await downloads.text(downloads.files[0])) as {
      weights: number[];
      iteration: number;
      data: { samples: number; class0: number; class1: number; source: string };
      engine: string;
    };
    const [w1, w2] = TUTORIAL_REFERENCE.path[3];
    expect(model.iteration).toBe(3);
    expect(model.weights[0]).toBeCloseTo(w1, 4);
    expect(model.weights[1]).toBeCloseTo(w2, 4);
    expect(model.data).toMatchObject({ samples: 40, class0: 20, class1: 20, source: 'tutorial' });
    expect(model.engine).toBe('cpu');
  });

  it('exports the cost and accuracy history as CSV: w(0) to w(3), measured on all the data', async () => {
    const { actions } = await inModel();
    const downloads = catchDownloads();
    await openMenu(actions);
    button(actions, '[data-export=history]').click();
    expect(downloads.files.map((f) => f.name)).toEqual(['logistic-history.csv']);
    const rows = (await downloads.text(downloads.files[0])).trim().split('\n');
    expect(rows[0]).toBe('iteration,w1,w2,b,cost,accuracy,measured_on');
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['0', '1', '2', '3']);
    expect(rows[1]?.split(',').slice(1, 3)).toEqual(['-4', '-2']);
    const w3 = rows[4]?.split(',') ?? [];
    expect(Number(w3[1])).toBeCloseTo(TUTORIAL_REFERENCE.path[3][0], 4);
    expect(Number(w3[2])).toBeCloseTo(TUTORIAL_REFERENCE.path[3][1], 4);
    expect(rows.slice(1).every((r) => r.endsWith(',all'))).toBe(true);
  });

  it('says there is no plot to export when no scatter shares its model', async () => {
    const { model, actions } = await inModel();
    const downloads = catchDownloads();
    await openMenu(actions);
    const noted = caught(model, 'lp-note');
    button(actions, '[data-figure=scatter][data-format=svg]').click();
    expect(noted.map((e) => e.detail)).toEqual([{ text: 'There is no scatter on this page to export.' }]);
    await settled(actions);
    expect(said(actions)).toBe('There is no scatter on this page to export.');
    expect(actions.shadowRoot?.querySelector('.said')?.getAttribute('role')).toBe('status');
    expect(downloads.files).toEqual([]);
    expect(menu(actions).matches(':popover-open')).toBe(false);
  });

  it('leaves the note to a page that shows it itself (lp-note cancelled)', async () => {
    const { model, actions } = await inModel();
    model.addEventListener('lp-note', (e) => e.preventDefault());
    await openMenu(actions);
    button(actions, '[data-figure=cost-surface][data-format=png]').click();
    await settled(actions);
    expect(said(actions)).toBe('');
  });

  it('sends a chosen model file up as lp-load-model: its parsed JSON and its name', async () => {
    const { model, actions } = await inModel();
    const loaded = caught(model, 'lp-load-model');
    chooseFile(actions, new File(['{"weights":[1,2],"iteration":7}'], 'mine.json', { type: 'application/json' }));
    await expect.poll(() => loaded.length).toBe(1);
    expect(loaded[0]?.detail).toEqual({ model: { weights: [1, 2], iteration: 7 }, name: 'mine.json' });
  });

  it('refuses a model file that is not JSON, naming it, and sends nothing', async () => {
    const { model, actions } = await inModel();
    const sent = caught(model, 'lp-load-model');
    const noted = caught(model, 'lp-note');
    chooseFile(actions, new File(['x1,x2,t\n'], 'data.csv'));
    await expect.poll(() => noted.length).toBe(1);
    // One line, whatever the browser quoted from the file.
    expect(noted[0]?.detail.text).toMatch(/^data\.csv is not a model file \(not JSON: [^\n]+\)\.$/);
    await settled(actions);
    expect(said(actions)).toMatch(/^data\.csv is not a model file/);
    expect(sent).toEqual([]);
  });

  it('Share copies a link with the settings and says so', async () => {
    const settings = { ...view.settings, training: { ...view.settings.training, learningRate: 0.1 } };
    const { actions } = await inModel({ ...view, settings });
    const copied = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    button(actions, '[data-action=copy-link]').click();
    await expect.poll(() => said(actions)).toBe('Link copied: it opens these settings and these data, at w(0).');
    expect(copied).toHaveBeenCalledTimes(1);
    const link = new URL(String(copied.mock.calls[0]?.[0]));
    expect(link.pathname).toBe(location.pathname);
    expect(new URLSearchParams(link.hash.slice(1)).get('lr')).toBe('0.1');
    expect(actions.shadowRoot?.querySelector('input.link')).toBeNull();
  });

  it('Share shows the link, selected, to copy by hand when the clipboard refuses', async () => {
    const { actions } = await inModel({ ...view, customData: 'points.csv' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('not allowed'));
    button(actions, '[data-action=copy-link]').click();
    await expect.poll(() => actions.shadowRoot?.querySelector('input.link')).not.toBeNull();
    const field = actions.shadowRoot?.querySelector('input.link') as HTMLInputElement;
    // Custom data of 40 points travel inside the link.
    expect(new URL(field.value).hash).toMatch(/(^#|&)data=./);
    expect(field.getAttribute('aria-label')).toBe('Link to this experiment');
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(said(actions)).toBe(
      'Copy the link by hand from the field beside Share (the clipboard is not available here).',
    );
    // A press in the field keeps the note (and the link) there.
    field.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settled(actions);
    expect(actions.shadowRoot?.querySelector('input.link')).not.toBeNull();
    expect(await seriousViolations(actions)).toEqual([]);
    // Any other press takes them away.
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await settled(actions);
    expect(said(actions)).toBe('');
    expect(actions.shadowRoot?.querySelector('input.link')).toBeNull();
  });

  it('opens the Export menu by keyboard, walks it with Tab, and Esc gives focus back to Export', async () => {
    const { actions } = await inModel({ ...view, undo: { undo: 'add a point', redo: undefined } });
    button(actions, '[data-action=undo]').focus();
    // Redo is disabled: Tab goes from Undo to Export.
    await userEvent.tab();
    expect(focused(actions)).toBe(button(actions, '[data-action=export]'));
    await userEvent.keyboard('{Enter}');
    await settled(actions);
    expect(menu(actions).matches(':popover-open')).toBe(true);
    expect(await seriousViolations(actions)).toEqual([]);
    await userEvent.tab();
    expect(focused(actions)).toBe(button(actions, '[data-export=data]'));
    await userEvent.tab();
    expect(focused(actions)).toBe(button(actions, '[data-export=model]'));
    await userEvent.keyboard('{Escape}');
    expect(menu(actions).matches(':popover-open')).toBe(false);
    await expect.poll(() => focused(actions)).toBe(button(actions, '[data-action=export]'));
  });

  it('closes the Export menu when Tab leaves it past its last item', async () => {
    const { actions } = await inModel();
    await openMenu(actions);
    button(actions, '[data-figure=loss-chart][data-format=png]').focus();
    await userEvent.tab();
    expect(focused(actions)).toBe(button(actions, '[data-action=copy-link]'));
    expect(menu(actions).matches(':popover-open')).toBe(false);
  });

  it('follows the model again after it is taken out and put back', async () => {
    const { model, actions } = await inModel();
    actions.remove();
    model.state = startingState({ published: { ...view, undo: { undo: 'load points.csv', redo: undefined } } });
    model.append(actions);
    await settled(model);
    expect(button(actions, '[data-action=undo]').getAttribute('aria-label')).toBe('Undo: load points.csv');
    const undone = caught(model, 'lp-undo');
    button(actions, '[data-action=undo]').click();
    expect(undone.length).toBe(1);
  });
});
