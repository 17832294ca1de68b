/**
 * How long the page waits for WebGPU to start. A browser or driver can leave
 * requestAdapter or requestDevice unanswered for ever; past this the page
 * computes on the CPU and says why.
 */
export const GPU_START_TIMEOUT_MS = 5000;

/**
 * How long the whole GPU engine start may take (the device, then compiling
 * its pipelines) before the page gives up on it. Compiling takes seconds on
 * a software adapter, more on a busy machine: only a start that hangs falls
 * back to the CPU, never one that is merely slow.
 */
export const GPU_ENGINE_START_TIMEOUT_MS = 60_000;

/** Thrown when a GPU start did not finish within its deadline. */
export class GpuStartTimeout extends Error {
  override name = 'GpuStartTimeout';
}

/** "within 5 s": the deadline in the words of a message. */
export function withinText(ms = GPU_START_TIMEOUT_MS): string {
  return `within ${ms / 1000} s`;
}

/**
 * `promise`, or a GpuStartTimeout saying `what` did not answer once `ms` have passed. What
 * the promise gives after the deadline goes to `late` (to free a device that
 * came too late); a late rejection is dropped, never left unhandled.
 */
export function withinDeadline<T>(
  promise: Promise<T>,
  what: string,
  late: (value: T) => void = () => undefined,
  ms = GPU_START_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new GpuStartTimeout(`${what} did not answer ${withinText(ms)}`));
    }, ms);
    promise.then(
      (value) => {
        if (settled) return late(value);
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
