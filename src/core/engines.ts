// Chooses the compute engine for a run. 'auto' picks the fastest one available here.
import { ReferenceEngine } from './engine.js';
import type { EngineFactory } from './trainer.js';

export type EngineKind = 'auto' | 'typescript';

export const ENGINE_KINDS: readonly EngineKind[] = ['auto', 'typescript'];

export function selectEngine(kind: EngineKind = 'auto'): EngineFactory {
  switch (kind) {
    case 'auto':
    case 'typescript':
      return (network, rng) => new ReferenceEngine(network, rng);
  }
}
