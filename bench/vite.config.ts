import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { wasmText } from '../scripts/wasm-text-plugin.ts';
import { ISOLATION_HEADERS } from '../src/security-policy.ts';

// The benchmark builds the app page and the bench page together, in production
// mode, so it times the code users get (minified, Lit in production mode).
const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [wasmText()],
  worker: { plugins: () => [wasmText()] },
  build: {
    outDir: resolve(root, 'dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { app: resolve(root, 'index.html'), bench: resolve(root, 'bench/index.html') } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4180,
    strictPort: true,
    // Cross-origin isolated, as a course page with these headers is: SharedArrayBuffer, so TF.js-wasm runs threaded.
    headers: { ...ISOLATION_HEADERS },
  },
});
