import { describe, expect, it } from 'vitest';
import {
  attributeIgnored,
  CPU_CHOSEN,
  copyByHand,
  couldNotLoad,
  couldNotRead,
  dataLinkNote,
  deviceReplaced,
  divergenceText,
  drawingLabel,
  editedNote,
  engineAttributeIgnored,
  exportFailed,
  fastestPaceStatus,
  gpuRebuilt,
  gpuStartFailed,
  IMPORT_CANCELLED,
  importedNote,
  importStep,
  iterationLimitStop,
  LINK_COPIED,
  LOOKING_FOR_ADAPTER,
  lastOfClass,
  linkDataSettingsIgnored,
  linkDataUnreadable,
  linkMissesData,
  linkUnknownSetting,
  linkValueIgnored,
  loadedStatus,
  loadingLabel,
  modelLoadedStatus,
  modelMismatchNotice,
  moreNotices,
  NEW_GAUSSIANS_STEP,
  noFigure,
  notAModelFile,
  paceStatus,
  presetStep,
  RESTORE,
  restoreDrawn,
  SAID,
  SOURCE,
  STOPPED_BY,
  startFailed,
  stepAdviceText,
  stoppedStatus,
  takingLabel,
  tooFewToRemove,
  waitingLabel,
  webGpuError,
  weightLimitStop,
} from './messages';

describe('the advice when η is too large', () => {
  it('before the first step, with the summed cost: the mean offered or not', () => {
    expect(stepAdviceText({ eta: 10, rate: 0.1, mean: true }, 1234, true)).toBe(
      'η = 10 is above 0.1, the largest step sure to lower the cost of these 1\u202f234 points: the summed gradient grows ' +
        'with N, so the first steps may overshoot and diverge. Use the mean cost (its gradient is N times smaller), ' +
        'or η ≤ 0.1.',
    );
    expect(stepAdviceText({ eta: 10, rate: 0.1, mean: false }, 40, true)).toBe(
      'η = 10 is above 0.1, the largest step sure to lower the cost of these 40 points: the summed gradient grows ' +
        'with N, so the first steps may overshoot and diverge. Use η ≤ 0.1.',
    );
  });

  it('before the first step, with the mean cost', () => {
    expect(stepAdviceText({ eta: 5, rate: 0.0000016, mean: false }, 40, false)).toBe(
      'η = 5 is above 1.6e-6, the largest step sure to lower the cost of these 40 points; the cost may rise or ' +
        'oscillate. Try η ≤ 1.6e-6.',
    );
  });

  it('after a divergence, for each cause, with and without the mean', () => {
    const lower = { eta: 0.05, rate: 0.005, mean: false };
    expect(divergenceText({ kind: 'overflow', iteration: 7 }, lower, 40)).toBe(
      'Training diverged at iteration 7: the numbers overflowed. Reset, then lower the learning rate ' +
        '(η = 0.05 now; try 0.005).',
    );
    expect(divergenceText({ kind: 'weights', iteration: 12, limit: 1e6 }, lower, 40)).toBe(
      'Training diverged at iteration 12: the weights passed 1e+6. Reset, then lower the learning rate ' +
        '(η = 0.05 now; try 0.005).',
    );
    expect(
      divergenceText({ kind: 'cost', iteration: 3, lowest: 20, latest: 512.345 }, { ...lower, mean: true }, 10_000),
    ).toBe(
      'Training is diverging: the cost rose from 20.0 to 512 by iteration 3. Reset, then lower the learning rate ' +
        '(η = 0.05 now; try 0.005), or switch the cost to "mean": a summed gradient over 10\u202f000 points makes each ' +
        'step 10\u202f000 times larger.',
    );
  });
});

describe('the status line', () => {
  it('says what changed the data', () => {
    expect(SAID.newData).toBe('New data: training starts again from w(0).');
    expect(loadedStatus('points.csv')).toBe('Loaded points.csv.');
    expect(modelLoadedStatus(12_345)).toBe('Loaded the model at iteration 12\u202f345.');
  });

  it('says why a click removed nothing', () => {
    expect(tooFewToRemove(3)).toBe('3 points are the fewest this playground trains on.');
    expect(lastOfClass(1)).toBe('That is the last point of class t = 1: both classes are needed.');
    expect(SAID.noPointToRemove).toBe('There is no point to remove.');
  });

  it('ends a stopped step(n) with why it stopped', () => {
    expect(Object.values(STOPPED_BY)).toEqual([
      'new data',
      'the model or its start changed',
      'a model was loaded',
      'reset',
      'paused',
      'it diverged',
      'the playground went away',
    ]);
    expect(stoppedStatus(3, 10, weightLimitStop(1e6))).toBe(
      'Stopped after 3 of the 10 steps asked for: a weight passed 1e+6 (reset to go on).',
    );
    expect(iterationLimitStop(1e9)).toBe(
      'the iteration count reached its limit, 1\u202f000\u202f000\u202f000 (reset to go on)',
    );
  });

  it('names the steps Undo and Redo take back, and the data that came without a file', () => {
    expect(presetStep('gaussians')).toBe('choose the gaussians preset');
    expect(NEW_GAUSSIANS_STEP).toBe('draw new Gaussians');
    expect(importStep(SOURCE.pasted)).toBe('import the pasted text');
    expect(SOURCE).toEqual({
      sharedLink: 'a shared link',
      pasted: 'the pasted text',
      dropped: 'the dropped text',
      csvText: 'CSV text',
      csv: 'CSV',
    });
  });

  it('labels long work and requests waiting behind it', () => {
    expect(drawingLabel(2_000_000)).toBe('Drawing 2\u202f000\u202f000 points');
    expect(loadingLabel(100_000, 'gpu')).toBe('Loading 100\u202f000 points onto the GPU');
    expect(loadingLabel(1, 'cpu')).toBe('Loading 1 point onto the CPU');
    expect(takingLabel(1000)).toBe('Taking 1\u202f000 steps');
    expect(waitingLabel(1)).toBe('Working… 1 request under way');
    expect(waitingLabel(3)).toBe('Working… 3 requests under way');
    expect(moreNotices(1)).toBe('…and 1 more notice.');
    expect(moreNotices(4)).toBe('…and 4 more notices.');
  });

  it('says how fast Play goes as fast as possible', () => {
    expect(fastestPaceStatus(12_345.6, 40)).toBe('As fast as possible: 12\u202f346 steps/s on 40 points.');
  });

  it('says when Play cannot keep its pace', () => {
    expect(paceStatus(2.345, 60, 2_000_000)).toBe(
      'Playing 2.3 steps/s, not the 60 asked for: this engine cannot take steps that fast on 2\u202f000\u202f000 points.',
    );
  });
});

describe('custom data and links', () => {
  it('says whether a link carries the data, and where they came from', () => {
    expect(dataLinkNote(true, 2000)).toBe('A copied link carries them.');
    const tooMany = dataLinkNote(false, 2000);
    expect(tooMany).toBe(
      'Too many for a link (at most 2\u202f000 points travel in one): export them as CSV to share them.',
    );
    expect(importedNote(SOURCE.sharedLink, 40, dataLinkNote(true, 2000))).toBe(
      'From a shared link: 40 points. A copied link carries them.',
    );
    expect(editedNote(2001, tooMany)).toBe(`Edited by hand: 2\u202f001 points. ${tooMany}`);
    expect(linkMissesData(5000, 2000)).toBe(
      'The link carries the settings but not these 5\u202f000 points: at most 2\u202f000 travel in a link. ' +
        'Export the data as CSV to share them.',
    );
  });

  it('notes a copied link, or asks for a copy by hand', () => {
    expect(LINK_COPIED).toBe('Link copied: it opens these settings and these data, at w(0).');
    expect(copyByHand('')).toBe(
      'Copy the link by hand from the field beside Share (the clipboard is not available here).',
    );
    expect(copyByHand('The link misses the data.')).toBe(
      'The link misses the data. Copy the link by hand from the field beside Share (the clipboard is not available here).',
    );
  });
});

describe('the notices', () => {
  it("name a link's values that were ignored", () => {
    expect(linkUnknownSetting('foo', '1')).toBe('The link\'s "foo=1" is not a setting of this page; it was ignored.');
    expect(linkValueIgnored('lr', '99', 'η must be between 1e-6 and 10, got 99')).toBe(
      'The link\'s "lr=99" was ignored (η must be between 1e-6 and 10, got 99); the default is used.',
    );
    expect(linkDataSettingsIgnored(['preset=gaussians'])).toBe(
      'The link carries its own data: its "preset=gaussians" was ignored (they describe other data).',
    );
    expect(linkDataSettingsIgnored(['preset=gaussians', 'n=5'])).toBe(
      'The link carries its own data: its "preset=gaussians", "n=5" were ignored (they describe other data).',
    );
    expect(linkDataUnreadable('damaged')).toBe(
      "The link's data could not be read (damaged); the preset's data are shown.",
    );
  });

  it("name an attribute's value that was ignored", () => {
    expect(attributeIgnored('learning-rate', 'fast', 'η must be a number')).toBe(
      'learning-rate="fast" was ignored: η must be a number.',
    );
    expect(engineAttributeIgnored('tpu', ['auto', 'gpu', 'cpu'], 'auto')).toBe(
      'engine="tpu" is not one of auto, gpu, cpu; using "auto".',
    );
  });

  it('warn of a model trained on other data, and say what a GPU did', () => {
    expect(modelMismatchNotice(40, 1200)).toBe(
      "The model loaded was trained on N = 40 points; these data have N = 1\u202f200: its cost and accuracy here differ from its file's.",
    );
    expect(webGpuError('bad buffer')).toBe('WebGPU error: bad buffer');
    expect(deviceReplaced('destroyed')).toBe(
      'The GPU device was lost (destroyed) and has been replaced; the data and weights were restored.',
    );
    expect(gpuRebuilt('out of memory')).toBe(
      'A GPU operation failed (out of memory); the GPU engine was rebuilt and the data and weights were restored.',
    );
  });
});

describe('the engine, errors and notes', () => {
  it('says why the page computes on the CPU, and what it waits for', () => {
    expect(CPU_CHOSEN).toBe('chosen with engine="cpu"');
    expect(gpuStartFailed('no device')).toBe('the WebGPU engine failed to start: no device');
    expect(LOOKING_FOR_ADAPTER).toBe('Looking for a WebGPU adapter…');
    expect(startFailed('no engine')).toBe('The playground could not start: no engine');
  });

  it('names the file that failed, and what an import or an export did', () => {
    expect(couldNotLoad('a.csv', 'line 3: not a number')).toBe('Could not load a.csv: line 3: not a number');
    expect(couldNotRead('a.csv', 'gone')).toBe('Could not read a.csv: gone');
    expect(IMPORT_CANCELLED).toBe('Import cancelled; the data are unchanged.');
    expect(noFigure('cost surface')).toBe('There is no cost surface on this page to export.');
    expect(exportFailed('loss chart', 'no canvas')).toBe('Could not export the loss chart: no canvas');
    expect(notAModelFile('m.json', 'Unexpected token')).toBe(
      'm.json is not a model file (not JSON: Unexpected token).',
    );
    // The browser's message quotes the file, line breaks and all: the note keeps to one line.
    expect(notAModelFile('data.csv', 'Unexpected token \'x\', "x1,x2,t\n0,0,0" is not valid JSON')).toBe(
      'data.csv is not a model file (not JSON: Unexpected token \'x\', "x1,x2,t 0,0,0" is not valid JSON).',
    );
  });

  it('tells whoever opens a model file how to have its data again', () => {
    expect(RESTORE.tutorial).toBe("The tutorial's 40 points: the settings draw them again.");
    expect(restoreDrawn('Circle', 7)).toBe('Circle, drawn again point for point from the settings (seed 7).');
    expect(RESTORE.custom).toBe(
      'Not in this file: these points came from a file, a link or edits. Load their CSV first ' +
        '(Export ▾ → Data (CSV) saved it), then this model: new data start again from w(0).',
    );
  });
});
