/**
 * A reusable MAP_READ staging buffer: copy into it in a command encoder,
 * then map it once. One readback per submit, never one per step.
 */
export class Readback {
  private buffer: GPUBuffer | undefined;

  constructor(
    private readonly device: GPUDevice,
    private readonly label: string,
  ) {}

  /** Encodes a copy of `size` bytes from `source` at `sourceOffset` into the staging buffer at `offset`. */
  copy(
    encoder: GPUCommandEncoder,
    source: GPUBuffer,
    sourceOffset: number,
    offset: number,
    size: number,
    capacity: number,
  ): void {
    this.reserve(capacity);
    encoder.copyBufferToBuffer(source, sourceOffset, this.buffer as GPUBuffer, offset, size);
  }

  /** Maps the staging buffer after the submit and returns a copy of its first `size` bytes. */
  async read(size: number): Promise<ArrayBuffer> {
    const buffer = this.buffer;
    if (!buffer) throw new Error(`${this.label}: nothing was copied to read back`);
    await buffer.mapAsync(GPUMapMode.READ, 0, size);
    try {
      return buffer.getMappedRange(0, size).slice(0);
    } finally {
      buffer.unmap();
    }
  }

  destroy(): void {
    this.buffer?.destroy();
    this.buffer = undefined;
  }

  private reserve(capacity: number): void {
    const size = Math.ceil(capacity / 4) * 4;
    if (this.buffer && this.buffer.size >= size) return;
    this.buffer?.destroy();
    this.buffer = this.device.createBuffer({
      label: `${this.label} (readback)`,
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
  }
}
