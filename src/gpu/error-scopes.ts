/**
 * Catching what one GPU operation got wrong. A validation or out-of-memory
 * error makes the command buffer invalid: nothing runs, and a readback then
 * returns stale bytes as if all were well. Error scopes tell the caller
 * instead, so the operation can fail loudly and the engine rebuild itself.
 */

/** A GPU operation was refused by the device (a validation or out-of-memory error); nothing of it ran. */
export class GpuOperationError extends Error {
  override name = 'GpuOperationError';
}

/**
 * Runs `work` inside a validation and an out-of-memory error scope. `work` is
 * synchronous, so no other GPU call of the page (another engine on the
 * shared device) can land inside these scopes. `failure` resolves to the
 * first error's message, or undefined when there was none.
 */
export function withErrorScopes<T>(
  device: GPUDevice,
  work: () => T,
): { readonly value: T; readonly failure: Promise<string | undefined> } {
  device.pushErrorScope('validation');
  device.pushErrorScope('out-of-memory');
  let pops: Promise<GPUError | null>[] = [];
  try {
    const value = work();
    pops = [device.popErrorScope(), device.popErrorScope()];
    const failure = Promise.all(pops).then(
      ([outOfMemory, validation]) => (outOfMemory ?? validation)?.message,
      // A lost device answers no scope: the loss itself is reported through `device.lost`.
      () => undefined,
    );
    return { value, failure };
  } finally {
    if (pops.length === 0) {
      // `work` threw: the scopes still come off, and what they caught goes with the exception.
      for (let k = 0; k < 2; k++) device.popErrorScope().catch(() => undefined);
    }
  }
}

/**
 * Encodes and submits one operation (`work`, which awaits its readback)
 * inside error scopes: a command buffer the device refused is a
 * GpuOperationError naming `what`, never a result read from stale bytes.
 */
export async function checkedSubmit<T>(device: GPUDevice, what: string, work: () => Promise<T>): Promise<T> {
  const { value, failure } = withErrorScopes(device, work);
  const [message, outcome] = await Promise.all([
    failure,
    value.then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  ]);
  if (message !== undefined) throw new GpuOperationError(`The GPU refused ${what}: ${message}`);
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
