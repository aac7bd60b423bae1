// The WebAssembly SIMD kernel of netdash's fast training engine (compiled by AssemblyScript).
// It owns no memory layout: the TypeScript side (../layout.ts) places every buffer and passes
// byte offsets, and orchestrates the layers (../wasmEngine.ts).
export { packImages } from './dataset';
export { unpackBatch, forwardSparse, accumulateSparse } from './sparseLayer';
export { forwardDense, backDelta, updateDense, sumRows } from './denseLayer';
export { sigmoidRows, softmaxRows, applyMask, outputDelta, countCorrect, predictRows } from './outputs';
export { stepParameters, scaleVectors } from './update';
export { costSum } from './costs';

/** First byte free for the host's buffers (after the kernel's static data). */
export function heapBase(): usize {
  return __heap_base;
}
