// A bump allocator over the kernel's WebAssembly memory. Nothing is ever freed: an engine places
// its parameters, workspace and resident data sets once, and the memory goes away with the engine.
import type { Kernel } from './kernelModule.js';

const PAGE_BYTES = 65536;
/** 4 GiB, the most a 32-bit WebAssembly memory can address. */
const MAX_PAGES = 65536;
const ALIGN = 64;

export class KernelMemory {
  private top: number;
  private buffer!: ArrayBuffer;
  bytes!: Uint8Array;
  floats!: Float32Array;
  ints!: Int32Array;

  constructor(private readonly kernel: Kernel) {
    this.top = kernel.heapBase();
    this.refreshViews();
  }

  /** Reserves `bytes` bytes, 64-byte aligned, and returns their address. */
  take(bytes: number): number {
    const at = Math.ceil(this.top / ALIGN) * ALIGN;
    this.ensure(at + bytes);
    this.top = at + bytes;
    return at;
  }

  /** The next address take() would return; memory from there up to `end` may be used as scratch. */
  get free(): number {
    return Math.ceil(this.top / ALIGN) * ALIGN;
  }

  /** Makes addresses below `end` usable (views are replaced when memory grows). */
  ensure(end: number): void {
    const { memory } = this.kernel;
    const pages = memory.buffer.byteLength / PAGE_BYTES;
    const missing = Math.ceil(end / PAGE_BYTES) - pages;
    // Grow by at least half the current size: growing can copy the whole memory, so many small
    // steps (packing a large set block by block) would cost quadratic time. Untouched pages are
    // not resident, so the slack costs address space only.
    if (missing > 0) memory.grow(Math.min(Math.max(missing, pages >> 1), MAX_PAGES - pages));
    if (this.kernel.memory.buffer !== this.buffer) this.refreshViews();
  }

  /** Keeps [free, end) as written by the kernel (e.g. packed images of unknown length). */
  commit(end: number): void {
    this.top = Math.max(this.top, end);
  }

  private refreshViews(): void {
    this.buffer = this.kernel.memory.buffer;
    this.bytes = new Uint8Array(this.buffer);
    this.floats = new Float32Array(this.buffer);
    this.ints = new Int32Array(this.buffer);
  }
}
