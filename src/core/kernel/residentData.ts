// Data sets kept in kernel memory, each image as the packed list of its nonzero pixels (see
// assembly/dataset.ts), packed once and reused every epoch: a mini-batch then costs no copying,
// only its indices. A set is recognized by where its pixels and labels live (buffer and offset),
// so a slice of a set that is already resident (the trainer evaluates in slices) costs nothing.
import type { Examples } from '../types.js';
import type { Kernel } from './kernelModule.js';
import type { KernelMemory } from './kernelMemory.js';

/** Kernel addresses of a resident set (or of a slice of one). */
export interface ResidentSet {
  /** count label bytes. */
  labels: number;
  /** count + 1 i32: the address of each image's first entry, then the end. */
  starts: number;
}

interface Packed extends ResidentSet {
  count: number;
  inputSize: number;
  pixelsOffset: number;
  labelsBuffer: ArrayBufferLike;
  labelsOffset: number;
}

/** Images packed per kernel call; the staging buffer holds this many raw images. */
const PACK_BLOCK = 1024;
/** A packed pixel takes 4 bytes. */
const ENTRY_BYTES = 4;

export class ResidentSets {
  private readonly packed = new WeakMap<ArrayBufferLike, Packed[]>();
  private staging = 0;
  private stagingBytes = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly memory: KernelMemory,
  ) {}

  /** The resident copy of `examples`, packing it on first use. */
  of(examples: Examples): ResidentSet {
    const list = this.packed.get(examples.pixels.buffer) ?? [];
    for (const set of list) {
      const first = this.firstImageIn(set, examples);
      if (first !== undefined) return { labels: set.labels + first, starts: set.starts + 4 * first };
    }
    const set = this.pack(examples);
    list.push(set);
    this.packed.set(examples.pixels.buffer, list);
    return set;
  }

  /** Where `examples` starts inside `set` when it is a run of the set's images, else undefined. */
  private firstImageIn(set: Packed, examples: Examples): number | undefined {
    const { inputSize, pixels, labels, count } = examples;
    if (inputSize !== set.inputSize || labels.buffer !== set.labelsBuffer) return undefined;
    const byteShift = pixels.byteOffset - set.pixelsOffset;
    if (byteShift < 0 || byteShift % inputSize !== 0) return undefined;
    const first = byteShift / inputSize;
    const sameRun = labels.byteOffset - set.labelsOffset === first && first + count <= set.count;
    return sameRun ? first : undefined;
  }

  private pack(examples: Examples): Packed {
    const { kernel, memory } = this;
    const { count, inputSize: n } = examples;
    if (n >= 1 << 16) throw new RangeError(`the kernel packs pixel indices in 16 bits; got ${n} inputs`);
    const blockBytes = PACK_BLOCK * n;
    if (this.stagingBytes < blockBytes) {
      this.staging = memory.take(blockBytes + 16);
      this.stagingBytes = blockBytes;
    }
    const labels = memory.take(count);
    memory.bytes.set(examples.labels.subarray(0, count), labels);
    const starts = memory.take((count + 1) * 4);
    let end = memory.free;
    for (let first = 0; first < count; first += PACK_BLOCK) {
      const block = Math.min(PACK_BLOCK, count - first);
      memory.ensure(end + block * n * ENTRY_BYTES);
      memory.bytes.set(examples.pixels.subarray(first * n, (first + block) * n), this.staging);
      end = kernel.packImages(this.staging, block, n, end, starts + first * 4) >>> 0;
    }
    memory.commit(end);
    return {
      labels,
      starts,
      count,
      inputSize: n,
      pixelsOffset: examples.pixels.byteOffset,
      labelsBuffer: examples.labels.buffer,
      labelsOffset: examples.labels.byteOffset,
    };
  }
}
