/**
 * The peer a user would pick instead: logistic regression in TensorFlow.js,
 * written as its docs recommend (variables on the device, an SGD optimizer
 * minimising tf.losses.sigmoidCrossEntropy), on the webgpu, wasm or cpu
 * backend. The wasm backend runs its SIMD build on one thread:
 * `wasmFlavour` says which ran. Its threaded build fails in a bundle, cross-origin
 * isolated or not: its pthread workers run its factory's source text, which
 * names what the bundle renamed ("e is not defined" minified, "_scriptDir is
 * not defined" with names kept: tensorflow/tfjs#4107, #4539), and each
 * failing worker throws on the page.
 */
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone has no gradients registered; the union package imports this for you.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Dataset } from '../src/model/dataset';
import type { Params } from '../src/model/regression';

export type TfjsBackend = 'webgpu' | 'wasm' | 'cpu';

// Bundled with the bench (no network at run time). The threaded build is never picked (see above).
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

/** Which build of the wasm backend this page runs: what TF.js's flags found. */
export async function wasmFlavour(): Promise<'simd, threaded' | 'simd, one thread' | 'no simd'> {
  const env = tf.env();
  const simd = await env.getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  if (!simd) return 'no simd';
  return threads ? 'simd, threaded' : 'simd, one thread';
}

export class TfjsTrainer {
  private constructor(
    private readonly x: tf.Tensor2D,
    private readonly t: tf.Tensor2D,
    private readonly w: tf.Variable,
    private readonly b: tf.Variable,
    private readonly optimizer: tf.SGDOptimizer,
  ) {}

  static async create(backend: TfjsBackend, data: Dataset, start: Params, learningRate: number): Promise<TfjsTrainer> {
    if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js backend "${backend}" is not available`);
    await tf.ready();
    const n = data.targets.length;
    const x = tf.tensor2d(Float32Array.from(data.points), [n, 2]);
    const t = tf.tensor2d(Float32Array.from(data.targets), [n, 1]);
    const w = tf.variable(tf.tensor2d(start.w.slice(), [2, 1]));
    const b = tf.variable(tf.scalar(start.b));
    return new TfjsTrainer(x, t, w, b, tf.train.sgd(learningRate));
  }

  /** Queues `steps` steps; nothing is read back. */
  step(steps: number): void {
    for (let i = 0; i < steps; i++) {
      // Mean sigmoid cross-entropy of the logits x·w + b (the default reduction).
      this.optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(this.t, tf.add(tf.matMul(this.x, this.w), this.b)));
    }
  }

  /** Waits for the queued steps and reads the weights. */
  async params(): Promise<Params> {
    const [w, b] = await Promise.all([this.w.data(), this.b.data()]);
    return { w: [w[0]!, w[1]!], b: b[0]! };
  }

  dispose(): void {
    this.x.dispose();
    this.t.dispose();
    this.w.dispose();
    this.b.dispose();
    this.optimizer.dispose();
  }
}
