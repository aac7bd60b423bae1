// Chooses the compute engine for a run. 'auto' picks the fastest one available here: the
// WebAssembly SIMD engine when this runtime can run it, otherwise the TypeScript reference.
import { ReferenceEngine } from './engine.js';
import { kernelAvailable } from './kernel/kernelModule.js';
import { WasmEngine } from './kernel/wasmEngine.js';
import type { Network } from './network.js';
import type { EngineFactory } from './trainer.js';

export const ENGINE_KINDS = ['auto', 'typescript', 'wasm'] as const;

export type EngineKind = (typeof ENGINE_KINDS)[number];

/** The wasm engine packs pixel indices in 16 bits. */
const WASM_MAX_INPUTS = 65535;

/** True when this runtime can run the WebAssembly SIMD engine. */
export function wasmEngineAvailable(): boolean {
  return kernelAvailable();
}

/** True when the WebAssembly SIMD engine can train this network here. */
export function wasmEngineSupports(network: Pick<Network, 'sizes'>): boolean {
  return kernelAvailable() && network.sizes[0]! <= WASM_MAX_INPUTS;
}

/** Thrown by selectEngine('wasm') where the WebAssembly engine cannot run. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
}

const reference: EngineFactory = (network, rng) => new ReferenceEngine(network, rng);

export function selectEngine(kind: EngineKind = 'auto'): EngineFactory {
  switch (kind) {
    case 'typescript':
      return reference;
    case 'wasm':
      if (!kernelAvailable()) {
        throw new EngineUnavailableError(
          'engine wasm: WebAssembly SIMD is not available in this runtime; use typescript or auto',
        );
      }
      return (network, rng) => {
        if (!wasmEngineSupports(network)) {
          throw new EngineUnavailableError(`engine wasm: at most ${WASM_MAX_INPUTS} inputs; use typescript or auto`);
        }
        return new WasmEngine(network, rng);
      };
    case 'auto':
      return (network, rng) => (wasmEngineSupports(network) ? new WasmEngine(network, rng) : new ReferenceEngine(network, rng));
  }
}
