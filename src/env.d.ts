// Raw text imports through Vite's `?raw` suffix: WGSL kernels and bundled CSV.
declare module '*.wgsl?raw' {
  const source: string;
  export default source;
}
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
