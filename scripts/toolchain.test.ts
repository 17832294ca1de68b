/**
 * What a newcomer meets on a fresh machine, checked: the configs load
 * without warnings, `npm start` does not die on a busy port, every package
 * installed runs on the Node versions package.json promises (so `npm ci`
 * warns of none), and a unit test never fails for a machine that is busy.
 */
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type Server } from 'node:net';
import semver from 'semver';
import { createLogger, createServer, loadConfigFromFile } from 'vite';
import { describe, expect, it } from 'vitest';
import { DEV_PORT } from '../vite.config';
import vitestConfig from '../vitest.config';

/** A logger that keeps what Vite would have printed as warnings or errors. */
function listeningLogger() {
  const logger = createLogger('info', { allowClearScreen: false });
  const said: string[] = [];
  logger.warn = (message) => said.push(message);
  logger.warnOnce = (message) => said.push(message);
  logger.error = (message) => said.push(message);
  logger.info = () => undefined;
  return { logger, said };
}

/** Holds `port` on 127.0.0.1 unless something already does; resolves with the holder to close, if ours. */
function hold(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the toolchain', () => {
  it('loads every Vite config without a warning', async () => {
    for (const file of ['vite.config.ts', 'vite.lib.config.ts']) {
      const { logger, said } = listeningLogger();
      const loaded = await loadConfigFromFile(
        { command: 'serve', mode: 'development' },
        file,
        process.cwd(),
        'info',
        logger,
      );
      expect(loaded, file).not.toBeNull();
      expect(said, file).toEqual([]);
    }
  });

  it('serves on another port when its own is taken, and says where', async () => {
    const holder = await hold(DEV_PORT);
    const { logger } = listeningLogger();
    const server = await createServer({ configFile: 'vite.config.ts', customLogger: logger, server: { hmr: false } });
    try {
      await server.listen();
      const url = server.resolvedUrls?.local[0] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(new URL(url).port).not.toBe(String(DEV_PORT));
    } finally {
      await server.close();
      holder?.close();
    }
  });

  it('installs only packages that run on every Node version package.json allows', () => {
    const ours = JSON.parse(readFileSync('package.json', 'utf8')).engines.node as string;
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.subset(ours, entry.engines?.node as string))
      .map(([name, entry]) => `${name} wants node ${entry.engines?.node}`);
    expect(refusing).toEqual([]);
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  it('gives a unit test minutes, not seconds: a busy machine is slow, not wrong', () => {
    expect(vitestConfig.test?.testTimeout).toBeGreaterThanOrEqual(60_000);
  });
});
