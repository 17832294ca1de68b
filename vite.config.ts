import { defineConfig, type Plugin } from 'vite';
import { wasmText } from './scripts/wasm-text-plugin.ts';
import { ISOLATION_HEADERS, SECURITY_HEADERS, withPolicyMeta } from './src/security-policy.ts';

// The dev server and the preview server listen on localhost (WebGPU needs a
// secure context) at these ports, or the next free one when another program
// has them (the URL is printed); `npm start -- --port N` picks another. The
// end-to-end tests start their own servers on ports of their own
// (playwright.config.ts).
export const DEV_PORT = 5173;

/** Every runtime dependency the pages import, pre-bundled up front (the dev server and the element tests). */
export const RUNTIME_DEPENDENCIES = [
  'lit',
  'lit/decorators.js',
  'lit/directives/live.js',
  'lit/directives/unsafe-html.js',
  '@lit/context',
  'd3',
  'd3-random',
  'webgpu-utils',
  'katex',
] as const;
export const PREVIEW_PORT = 4173;

/** Puts the content security policy into every page, first thing in its <head>. */
export function securityPolicyMeta(): Plugin {
  return {
    name: 'security-policy-meta',
    transformIndexHtml: { order: 'post', handler: withPolicyMeta },
  };
}

/**
 * The dev server isolates a page asked for with `?isolated`: tests try the
 * CPU engine's shared-memory path there, and its copying path everywhere
 * else. A worker's script must say the same to start in such a page (in a
 * build the worker is a blob, which inherits the page's), and saying it
 * changes nothing for a worker of a page that is not isolated.
 */
export function isolateOnRequest(): Plugin {
  return {
    name: 'isolate-on-request',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
        if (query.has('isolated') || query.has('worker_file')) {
          for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.setHeader(name, value);
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [securityPolicyMeta(), isolateOnRequest(), wasmText()],
  // A build bundles the workers with plugins of their own.
  worker: { plugins: () => [wasmText()] },
  server: { host: '127.0.0.1', port: DEV_PORT, headers: { ...SECURITY_HEADERS } },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, headers: { ...SECURITY_HEADERS } },
  build: {
    target: 'es2022',
    // No source maps in what is shipped unless asked for: SOURCEMAP=1 npm run build.
    sourcemap: process.env.SOURCEMAP === '1',
    // Three pages: the playground, the lecture and the lecture's speaker view.
    rolldownOptions: { input: { main: 'index.html', lecture: 'lecture.html', speaker: 'speaker.html' } },
  },
  // Pre-bundle every runtime dependency up front: a dependency discovered late
  // makes the dev server reload the page, which would abort a kernel test.
  optimizeDeps: { include: [...RUNTIME_DEPENDENCIES] },
});
