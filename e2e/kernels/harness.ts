/**
 * What the kernel tests reach inside the page: the engines, the session and
 * the model, as window.lp. Loaded by harness.html from the dev server, so the
 * tests run the very modules the app bundles.
 */

import type { Engine } from '../../src/contract/engine';
import { gridCoordinate, INITIAL_OPTIONS, racerSettings } from '../../src/contract/engine';
import { CpuEngine } from '../../src/engine/cpu-engine';
import { GpuEngine } from '../../src/engine/gpu-engine';
import { TutorialSums } from '../../src/engine/tutorial-sums';
import { datasetFromRows } from '../../src/model/dataset';
import { addPoint, removePoint } from '../../src/model/edit';
import { evaluate, sumSamples, TUTORIAL_FORM } from '../../src/model/regression';
import {
  caseRun,
  OPTIMIZER_CASE_DATA,
  OPTIMIZER_CASES,
  referencePath,
  worstRelativeGap,
} from '../../src/model/testing/optimizer-reference';
import { tutorialDataset } from '../../src/model/tutorial-data';
import { TUTORIAL_SETTINGS } from '../../src/model/tutorial-reference';
import { TrainingSession } from '../../src/session/training-session';
import { f32Dataset } from './test-data';

/** Counts live GPU buffers by wrapping createBuffer and destroy. */
function trackBuffers(): { live: () => number; created: () => number; stop: () => void } {
  const live = new Set<GPUBuffer>();
  let created = 0;
  const create = GPUDevice.prototype.createBuffer;
  const destroy = GPUBuffer.prototype.destroy;
  GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
    const buffer = create.call(this, descriptor);
    live.add(buffer);
    created++;
    return buffer;
  };
  GPUBuffer.prototype.destroy = function (this: GPUBuffer) {
    live.delete(this);
    return destroy.call(this);
  };
  return {
    live: () => live.size,
    created: () => created,
    stop: () => {
      GPUDevice.prototype.createBuffer = create;
      GPUBuffer.prototype.destroy = destroy;
    },
  };
}

/** The tutorial's experiment on an engine: its options (INITIAL_OPTIONS) and its w(0) and b(0). */
function startTutorial(engine: Engine, batchSize = INITIAL_OPTIONS.batchSize): void {
  engine.setOptions({ ...INITIAL_OPTIONS, batchSize });
  engine.setParams({ w: [...TUTORIAL_SETTINGS.initialWeights], b: TUTORIAL_SETTINGS.initialBias });
}

const api = {
  /** The tutorial's options: tests spread them and change what they test. */
  INITIAL_OPTIONS,
  /** A racer's rule in full (src/contract/engine.ts). */
  racerSettings,
  startTutorial,
  CpuEngine,
  GpuEngine,
  TrainingSession,
  tutorialDataset,
  datasetFromRows,
  addPoint,
  removePoint,
  gridCoordinate,
  f32Dataset,
  trackBuffers,
  /** The CPU engine's WebAssembly kernel and the model's loop it is held to. */
  TutorialSums,
  sumSamples,
  evaluate,
  TUTORIAL_FORM,
  /** The optimisers' float64 reference and its cases (src/model/testing/optimizer-reference.ts). */
  optimizerReference: { OPTIMIZER_CASES, OPTIMIZER_CASE_DATA, caseRun, referencePath, worstRelativeGap },
};

export type HarnessApi = typeof api;

declare global {
  interface Window {
    lp: HarnessApi;
  }
}

window.lp = api;
