/**
 * The direction of the code (`npm run depcheck`, a stage of `npm test`):
 * imports only point down the layers below, and no module imports itself
 * back through others. The README's "How the code is laid out" names them.
 *
 * A layer may import any layer under it, never one above it; folders on one
 * line are peers and import neither each other nor anything up the list.
 */
const LAYERS = [
  // The pages and the package: each starts elements and wires them together.
  ['entries'],
  // The Lit elements, their controllers and styles; they read the published state.
  ['components'],
  // The controller: the one checkpoint and the one queue every change passes.
  ['src/controller'],
  // The data a page holds and their undo.
  ['src/data'],
  // The training session: runs, steps, history, the cost-surface job, model files.
  ['src/session'],
  // The settings table, its defaults and limits, links and attributes.
  ['src/settings'],
  // The engines (CPU reference, GPU) and the choice between them.
  ['src/engine'],
  // WebGPU: devices, buffers, kernels; the WGSL is read from shaders/.
  ['src/gpu'],
  // What every engine promises (the Engine interface and its limits).
  ['src/contract'],
  // Pure geometry for the plots: windows, colours, labels, ticks.
  ['src/plot'],
  // The mathematics and the data formats.
  ['src/model'],
  // Numbers as text, quoting, and every sentence a user reads.
  ['src/text'],
];

/** A path pattern for one folder (everything under it). */
const under = (folder) => `^${folder.replace(/[/.]/g, '\\$&')}/`;

/** One rule per layer: nothing in it imports a layer above it or a peer. */
const layerRules = LAYERS.flatMap((peers, rank) => {
  const above = LAYERS.slice(0, rank).flat();
  return peers.map((folder) => ({
    name: `no-upward-import-from-${folder.replace(/\//g, '-')}`,
    comment: `${folder} is under ${above.join(', ') || 'nothing'}: it may import only the layers below it`,
    severity: 'error',
    from: { path: under(folder) },
    to: { path: [...above, ...peers.filter((p) => p !== folder)].map(under) },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module that imports itself back, through any number of others, has no place in the layers.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-import-of-entries',
      comment: 'Entry points are the top: nothing imports a page or the package index.',
      severity: 'error',
      from: { pathNot: '^entries/' },
      to: { path: '^entries/' },
    },
    ...layerRules.filter((rule) => rule.from.path !== under('entries')),
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc reads the sources.
    parser: 'swc',
    // Type-only imports are arrows too: a type from a higher layer ties the layers as much as a value.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.d\\.ts$'] },
    // The tools that test the layers (fuzz arbitraries, scripts, e2e, bench) stand outside them.
    includeOnly: ['^entries/', '^components/', '^src/', '^shaders/'],
  },
};
