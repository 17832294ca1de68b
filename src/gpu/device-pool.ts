/**
 * One GPUDevice shared by every engine on the page (a course page may embed
 * several playgrounds): pipelines compile once, and the browser holds one
 * device instead of many. Engines lease it; the last release destroys it.
 * A lost device is dropped from the pool, so the next lease gets a new one.
 * A lease that needs more storage than the current device allows gets a new
 * device with the adapter's higher limits, which later leases then share.
 */
import { createGpuContext, type GpuContext } from './gpu-context';
import { createPipelines, type Pipelines } from './pipelines';
import type { ReductionPath } from './shader-sources';

export interface LeaseCallbacks {
  readonly onUncapturedError: (message: string) => void;
  readonly onLost: (info: GPUDeviceLostInfo) => void;
}

export interface DeviceLease {
  readonly context: GpuContext;
  /** The pipelines of a reduction path, compiled on first request. */
  pipelines(path: ReductionPath): Promise<Pipelines>;
  /** Gives the device back; the last release destroys it. */
  release(): void;
}

interface Entry {
  readonly context: GpuContext;
  readonly pipelines: Map<ReductionPath, Promise<Pipelines>>;
  readonly leases: Set<LeaseCallbacks>;
  lost: boolean;
}

export class DevicePool {
  private current: Entry | undefined;
  private pending: Promise<Entry> | undefined;

  async lease(storageBytes: number, callbacks: LeaseCallbacks): Promise<DeviceLease> {
    const entry = await this.entryFor(storageBytes);
    entry.leases.add(callbacks);
    let released = false;
    return {
      context: entry.context,
      pipelines: (path) => {
        let compiled = entry.pipelines.get(path);
        if (!compiled) {
          compiled = createPipelines(entry.context.device, path);
          // A failed compile must not poison the cache for the next try.
          compiled.catch(() => entry.pipelines.delete(path));
          entry.pipelines.set(path, compiled);
        }
        return compiled;
      },
      release: () => {
        if (released) return;
        released = true;
        entry.leases.delete(callbacks);
        if (entry.leases.size > 0) return;
        if (this.current === entry) this.current = undefined;
        entry.context.device.destroy();
      },
    };
  }

  private async entryFor(storageBytes: number): Promise<Entry> {
    const fits = (e: Entry | undefined) => e !== undefined && !e.lost && e.context.maxStorageBytes >= storageBytes;
    if (fits(this.current)) return this.current as Entry;
    if (this.pending) {
      const entry = await this.pending.catch(() => undefined);
      if (fits(entry)) return entry as Entry;
    }
    this.pending = this.create(storageBytes);
    try {
      const entry = await this.pending;
      this.current = entry;
      return entry;
    } finally {
      this.pending = undefined;
    }
  }

  private async create(storageBytes: number): Promise<Entry> {
    const leases = new Set<LeaseCallbacks>();
    const entry: Entry = {
      context: await createGpuContext({
        storageBytes,
        onUncapturedError: (message) => {
          for (const lease of leases) lease.onUncapturedError(message);
        },
        onLost: (info) => {
          entry.lost = true;
          if (this.current === entry) this.current = undefined;
          for (const lease of leases) lease.onLost(info);
        },
      }),
      pipelines: new Map(),
      leases,
      lost: false,
    };
    return entry;
  }
}

/** The page's pool. */
export const devicePool = new DevicePool();
