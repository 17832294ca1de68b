// Raw text imports through Vite's `?raw` suffix: WGSL kernels and bundled CSV.
declare module '*.wgsl?raw' {
  const source: string;
  export default source;
}
// WebAssembly text, compiled to its module's bytes by scripts/wasm-text-plugin.ts.
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
