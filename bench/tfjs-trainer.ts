/**
 * The peer a user would pick instead: logistic regression in TensorFlow.js,
 * written as its docs recommend (variables on the device, an SGD optimizer
 * minimising tf.losses.sigmoidCrossEntropy), on the webgpu or cpu backend.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone has no gradients registered; the union package imports this for you.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Dataset } from '../src/model/dataset';
import type { Params } from '../src/model/regression';

export type TfjsBackend = 'webgpu' | 'cpu';

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
