import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { wasmText } from './scripts/wasm-text-plugin.ts';
import { withPolicyMeta } from './src/security-policy.ts';

/**
 * KaTeX declares each font three times (woff2, woff, ttf); every browser that
 * has WebGPU reads woff2. Inlined as data URLs, the other two would triple the
 * fonts' weight in the module (about 1.6 MB more) for nobody.
 */
function katexWoff2Only(): Plugin {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css/.test(id)) return undefined;
      const kept = code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '');
      // The CSS becomes a string in the module: no source map of it is kept.
      return { code: kept, map: null };
    },
  };
}

/** The example course page (entries/package/example.html) beside the module, under our security policy: it loads ./logistic-playground.js. */
function examplePage(): Plugin {
  return {
    name: 'example-page',
    generateBundle() {
      const page = withPolicyMeta(readFileSync('entries/package/example.html', 'utf8'));
      this.emitFile({ type: 'asset', fileName: 'example.html', source: page });
    },
  };
}

/**
 * The package: every `lp-` element in one self-contained ES module,
 * dist/lib/logistic-playground.js, that a page loads with a plain
 * <script type="module"> from any static server. Everything is bundled
 * (Lit, D3, KaTeX with its fonts as data URLs, the WGSL and CSV text, a
 * `?worker&inline` worker as a blob): a course page needs nothing else and
 * the element requests nothing from another host. Runs after the app's
 * build (`npm run build`), into dist/lib only, so the app in dist/ stays.
 */
export default defineConfig({
  // The package's own static files (none): the app's public/ is not the package's.
  publicDir: false,
  plugins: [katexWoff2Only(), examplePage(), wasmText()],
  // Library mode leaves process.env to the consumer; a page without a bundler has none.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  worker: { format: 'es', plugins: () => [wasmText()] },
  build: {
    target: 'es2022',
    outDir: 'dist/lib',
    // Empties dist/lib only: the app's build beside it stays.
    emptyOutDir: true,
    // One file and nothing beside it: an inlined worker's map would be a second file its blob cannot reach anyway.
    sourcemap: false,
    // Every asset (KaTeX's fonts) inside the module as a data URL: one file to copy, no second request.
    assetsInlineLimit: Number.POSITIVE_INFINITY,
    lib: {
      entry: 'entries/package/index.ts',
      formats: ['es'],
      fileName: () => 'logistic-playground.js',
    },
    rolldownOptions: {
      // One file: a dynamic import (if one appears) is inlined rather than split into a chunk.
      output: { codeSplitting: false },
    },
  },
});
