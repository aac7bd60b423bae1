// Loads the WebAssembly SIMD kernel (embedded as base64 by buildKernel.mjs) and types its exports.
// Compiled once per process; each engine gets its own instance and memory.
import { KERNEL_WASM_BASE64 } from './generated/kernelWasm.js';

// The few WebAssembly JS API members used here (TypeScript declares them only with the DOM lib).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The kernel's functions; every pointer is a byte offset into `memory`, booleans are 0/1. */
export interface Kernel {
  readonly memory: WasmMemory;
  heapBase(): number;
  /** Packs the nonzero pixels of `count` images; returns the end address of the entries. */
  packImages(pixels: number, count: number, inputSize: number, entries: number, starts: number): number;
  unpackBatch(
    count: number,
    indices: number,
    imageStarts: number,
    table: number,
    rowBytes: number,
    pairs: number,
    pairStarts: number,
    ahead: number,
  ): number;
  forwardSparse(
    count: number,
    pairStarts: number,
    weights: number,
    rowBytes: number,
    vectors: number,
    c: number,
    bias: number,
    z: number,
  ): void;
  accumulateSparse(
    count: number,
    pairStarts: number,
    delta: number,
    coef: number,
    target: number,
    rowBytes: number,
    vectors: number,
  ): void;
  forwardDense(
    count: number,
    input: number,
    inRowBytes: number,
    inVectors: number,
    weights: number,
    nOut: number,
    bias: number,
    z: number,
    outRowBytes: number,
  ): void;
  backDelta(
    count: number,
    delta: number,
    outRowBytes: number,
    nOut: number,
    weights: number,
    inRowBytes: number,
    inVectors: number,
    sPrev: number,
    mask: number,
    prevDelta: number,
  ): void;
  updateDense(
    count: number,
    delta: number,
    outRowBytes: number,
    nOut: number,
    input: number,
    inRowBytes: number,
    inVectors: number,
    weights: number,
    velocity: number,
    scale: number,
    l2: number,
    l1: number,
    mu: number,
    general: number,
  ): void;
  sumRows(rows: number, count: number, rowBytes: number, vectors: number, out: number): void;
  stepParameters(
    p: number,
    pv: number,
    g: number,
    vectors: number,
    scale: number,
    l2: number,
    l1: number,
    mu: number,
    general: number,
  ): void;
  scaleVectors(p: number, vectors: number, factor: number): void;
  sigmoidRows(z: number, s: number, count: number, n: number, rowBytes: number): void;
  softmaxRows(z: number, s: number, count: number, n: number, rowBytes: number): void;
  applyMask(s: number, mask: number, a: number, vectors: number): void;
  outputDelta(
    a: number,
    count: number,
    n: number,
    rowBytes: number,
    indices: number,
    labels: number,
    quadratic: number,
    delta: number,
  ): void;
  /** Σ C_x of the rows; kind 0 quadratic, 1 cross-entropy, 2 log-likelihood. */
  costSum(
    z: number,
    a: number,
    count: number,
    n: number,
    rowBytes: number,
    indices: number,
    labels: number,
    kind: number,
  ): number;
  countCorrect(a: number, count: number, n: number, rowBytes: number, indices: number, labels: number): number;
  /** countCorrect that also writes each row's predicted class (u8) and its activation (f32). */
  predictRows(
    a: number,
    count: number,
    n: number,
    rowBytes: number,
    indices: number,
    labels: number,
    predicted: number,
    confidence: number,
  ): number;
}

let compiled: object | null | undefined;

function compileKernel(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (!wasmApi) return null;
    const bytes = Uint8Array.from(atob(KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
    // validate() is false where WebAssembly exists but SIMD does not.
    if (wasmApi.validate(bytes)) compiled = new wasmApi.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** True when this runtime can run the kernel (WebAssembly with 128-bit SIMD). */
export function kernelAvailable(): boolean {
  return compileKernel() !== null;
}

/** A fresh kernel instance with its own memory; throws when kernelAvailable() is false. */
export function instantiateKernel(): Kernel {
  const module = compileKernel();
  if (!module || !wasmApi) throw new Error('WebAssembly SIMD is not available in this runtime');
  return new wasmApi.Instance(module, {}).exports as Kernel;
}
