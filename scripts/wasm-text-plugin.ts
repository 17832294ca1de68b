/**
 * Imports a WebAssembly text file (`*.wat`) as the bytes of its module: the
 * source is what the repository keeps and reviews, and no binary is
 * committed. Compiled by wabt when the module graph loads it, with SIMD on;
 * the bytes travel as base64 inside the importing module, so the one-file
 * package and its inlined workers carry them too. Every config that builds or
 * tests the engine (the app, the package, the bench, Vitest, the workers of
 * each) lists this plugin.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import wabt from 'wabt';

/** The module's bytes from WebAssembly text; a syntax or validation error throws, naming the file. */
export async function compileWat(path: string, source: string): Promise<Uint8Array> {
  const tools = await wabt();
  const module = tools.parseWat(path, source, { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

export function wasmText(): Plugin {
  return {
    name: 'wasm-text',
    enforce: 'pre',
    async load(id) {
      // The dev server may ask for it with a query (`?import`): the file is the same.
      const path = id.replace(/\?.*$/, '');
      if (!path.endsWith('.wat')) return undefined;
      const bytes = await compileWat(path, readFileSync(path, 'utf8'));
      const base64 = Buffer.from(bytes).toString('base64');
      // atob is in every page, worker and Node the bytes reach.
      return {
        code: `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`,
        map: null,
      };
    },
  };
}
