/** The benchmark's printed table: our engines against the fastest peer, as ratios from one run. */
import type { BenchResults, TrainingResult } from './results';

function fmt(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(3);
}

function rate(samplesPerSecond: number): string {
  return samplesPerSecond >= 1e9
    ? `${(samplesPerSecond / 1e9).toFixed(2)} G/s`
    : `${(samplesPerSecond / 1e6).toFixed(1)} M/s`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

export function report(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`Browser: ${r.browser}`);
  lines.push(
    `Adapter: ${r.adapter.vendor} / ${r.adapter.architecture}${r.adapter.isFallbackAdapter ? ' (fallback adapter)' : ''}`,
  );
  lines.push(`Mode: ${r.mode}`);
  lines.push(
    `Page ${r.adapter.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated'}; TF.js-wasm: ${r.adapter.tfjsWasm ?? 'unknown'}`,
  );
  lines.push('');
  for (const a of r.agreement) {
    const diffs = Object.entries(a.maxDifference)
      .map(([k, v]) => `${k} ${v.toExponential(1)}`)
      .join(', ');
    lines.push(
      `Agreement after 20 steps, N=${a.n}: ${a.ok ? 'ok' : 'VOID: engines disagree, timings not comparable'} (${diffs})`,
    );
  }
  lines.push('');
  lines.push(
    'Training, full batch, mean reduction, bias: ms per step (samples/s); ratios against the fastest TF.js backend',
  );
  lines.push(
    `${pad('N', 10)} ${pad('gpu', 20)} ${pad('cpu', 20)} ${pad('bare-loop', 20)} ${pad('tfjs-webgpu', 20)} ${pad('tfjs-wasm', 20)} ${pad('tfjs-cpu', 20)}  gpu vs tfjs-webgpu  gpu vs fastest peer  cpu vs tfjs-wasm  cpu vs bare-loop`,
  );
  const ns = [...new Set(r.training.map((t) => t.n))];
  for (const n of ns) {
    const row = (e: TrainingResult['engine']) => r.training.find((t) => t.n === n && t.engine === e);
    const cell = (t: TrainingResult | undefined) => (t ? `${fmt(t.msPerStep)} (${rate(t.samplesPerSecond)})` : '—');
    const gpu = row('gpu');
    const cpu = row('cpu');
    const peers = [row('tfjs-webgpu'), row('tfjs-wasm'), row('tfjs-cpu')].filter(
      (t): t is TrainingResult => t !== undefined,
    );
    const fastestPeer = Math.min(...peers.map((t) => t.msPerStep));
    const tfCpu = row('tfjs-cpu');
    const tfWasm = row('tfjs-wasm');
    const bare = row('bare-loop');
    const tfGpu = row('tfjs-webgpu');
    const ratio = (slow: TrainingResult | undefined, fast: TrainingResult | undefined) =>
      slow && fast ? `${(slow.msPerStep / fast.msPerStep).toFixed(1)}×` : '—';
    const peerRatio = gpu && peers.length ? `${(fastestPeer / gpu.msPerStep).toFixed(1)}×` : '—';
    lines.push(
      `${pad(String(n), 10)} ${pad(cell(gpu), 20)} ${pad(cell(cpu), 20)} ${pad(cell(bare), 20)} ${pad(cell(tfGpu), 20)} ${pad(cell(tfWasm), 20)} ${pad(cell(tfCpu), 20)}  ${pad(ratio(tfGpu, gpu), 18)}  ${pad(peerRatio, 19)}  ${pad(ratio(tfWasm, cpu), 16)}  ${pad(ratio(cpu, bare), 16)}`,
    );
  }
  const split = r.training.filter((t) => t.engine === 'cpu' && t.workers);
  lines.push(
    `CPU engine's passes: ${split.map((t) => `N=${t.n} ${t.workers?.count ? `${t.workers.count} workers (${t.workers.sharing})` : 'main thread'}`).join(', ')}`,
  );
  lines.push('');
  for (const d of r.readbackPerStep) {
    lines.push(
      `GPU, N=${d.n}: ${fmt(d.amortisedMsPerStep)} ms/step with 50 steps per submit vs ${fmt(d.perStepMsPerStep)} ms/step with a readback every step: ${(d.perStepMsPerStep / d.amortisedMsPerStep).toFixed(1)}×`,
    );
  }
  lines.push('');
  lines.push('Dispatch size of the partial-sum pass, chosen per adapter:');
  for (const d of r.dispatch) {
    const tried = d.trials.map((t) => `${t.workgroups}: ${fmt(t.msPerStep)} ms`).join(', ');
    lines.push(`  N=${d.n} (${d.path}): ${d.workgroups} workgroups (${d.source})${tried ? `; tried ${tried}` : ''}`);
  }
  lines.push('');
  lines.push('Cost surface: ms per grid');
  for (const n of [...new Set(r.costSurface.map((c) => c.n))]) {
    const g = r.costSurface.find((c) => c.n === n && c.engine === 'gpu');
    const c = r.costSurface.find((c) => c.n === n && c.engine === 'cpu');
    const ratio = g && c ? `${(c.ms / g.ms).toFixed(1)}×` : '—';
    lines.push(
      `  N=${n}, ${g?.grid}×${g?.grid}: gpu ${g ? fmt(g.ms) : '—'} ms, cpu ${c ? fmt(c.ms) : '—'} ms, gpu ${ratio} faster`,
    );
  }
  lines.push('');
  lines.push(
    "The wider model: ms per step with all 7 features against the tutorial's 2 (target: at most 2× on the GPU)",
  );
  for (const w of r.width) {
    lines.push(
      `  ${w.engine}, N=${w.n}: d=2 ${fmt(w.msPerStepD2)} ms, d=7 ${fmt(w.msPerStepD7)} ms: ${(w.msPerStepD7 / w.msPerStepD2).toFixed(2)}×`,
    );
  }
  lines.push('');
  lines.push(
    'The race: ms per step of one racer against six in the same calls (target: at most 2× on the GPU), and of Newton’s step',
  );
  for (const race of r.race ?? []) {
    lines.push(
      `  ${race.engine}, N=${race.n}: one ${fmt(race.msPerStepOne)} ms, ${race.racers} racers ${fmt(race.msPerStepRace)} ms: ${(race.msPerStepRace / race.msPerStepOne).toFixed(2)}×; Newton ${fmt(race.msPerStepNewton)} ms: ${(race.msPerStepNewton / race.msPerStepOne).toFixed(2)}× gradient descent`,
    );
  }
  lines.push('');
  lines.push(
    "Many steps (in a page of its own): a user's step(k) through the session from w(0), ms (median after a warm-up run; the first timed run in brackets), and the median's ratio to a bare one-thread loop taking the same k steps (targets at N = 40: cpu at most 2×, gpu at most 10× on a software adapter)",
  );
  for (const n of [...new Set((r.manySteps ?? []).map((m) => m.n))]) {
    const at = (e: string) => r.manySteps.find((m) => m.n === n && m.engine === e);
    const bare = at('bare-loop');
    const cells = (['gpu', 'cpu', 'bare-loop'] as const).map((e) => {
      const m = at(e);
      if (!m) return `${e} —`;
      const ratio = bare && e !== 'bare-loop' ? ` (${(m.ms / bare.ms).toFixed(1)}×)` : '';
      return `${e} ${fmt(m.ms)} ms [${fmt(m.firstMs)}]${ratio}`;
    });
    lines.push(`  step(${bare?.steps ?? '?'}), N=${n}: ${cells.join(', ')}`);
  }
  lines.push('');
  const i = r.interactivity;
  lines.push(
    `Interactivity (N=10^4, training, every view on): frame p50 ${fmt(i.frameMsP50)} ms, p95 ${fmt(i.frameMsP95)} ms; learning-rate change to drawn frame ${fmt(i.lrChangeToFrameMs)} ms`,
  );
  const d = r.largeData;
  const phase = (name: string, p: typeof d.load) =>
    `  ${name}: ${fmt(p.ms)} ms; longest main-thread task ${fmt(p.longestTaskMs)} ms, ${p.longTasks} over 50 ms`;
  lines.push(
    `Large data in the app (N=${d.n}):`,
    phase('draw, load and show (surface exact)', d.load),
    phase('add a point by a click', d.addPoint),
    phase('Play 3 s at 30 steps/s', d.play),
  );
  return lines.join('\n');
}
