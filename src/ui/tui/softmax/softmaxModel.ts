// State of the softmax explorer (the chapter's slider demo) as pure functions. The activations
// come from the core's softmax; c is the exercise's sharpness: a_j = e^{c z_j} / Σ_k e^{c z_k}.
import { softmaxRow } from '../../../core/activations.js';

export interface SoftmaxState {
  /** Weighted inputs z₁…z₄. */
  z: readonly number[];
  /** Index of the input the arrows change. */
  selected: number;
  /** Sharpness c > 0; c = 1 is the ordinary softmax, c → ∞ approaches max. */
  c: number;
}

/** The book's starting sliders. */
export const INITIAL_SOFTMAX: SoftmaxState = { z: [2.5, -1, 3.2, 0.5], selected: 3, c: 1 };

export const Z_LIMIT = 5;
export const Z_STEP = 0.1;
const C_VALUES = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128];

export type SoftmaxAction =
  | { type: 'select'; direction: 1 | -1 }
  | { type: 'nudge'; direction: 1 | -1; big?: boolean }
  | { type: 'sharpness'; direction: 1 | -1 }
  | { type: 'reset' };

const round = (value: number) => Math.round(value * 100) / 100;

export function softmaxReducer(state: SoftmaxState, action: SoftmaxAction): SoftmaxState {
  switch (action.type) {
    case 'select':
      return { ...state, selected: (state.selected + action.direction + state.z.length) % state.z.length };
    case 'nudge': {
      const step = (action.big ? 10 : 1) * Z_STEP * action.direction;
      const z = state.z.map((value, i) =>
        i === state.selected ? Math.min(Z_LIMIT, Math.max(-Z_LIMIT, round(value + step))) : value,
      );
      return { ...state, z };
    }
    case 'sharpness': {
      const index = C_VALUES.indexOf(state.c);
      const next = C_VALUES[Math.min(C_VALUES.length - 1, Math.max(0, index + action.direction))]!;
      return { ...state, c: next };
    }
    case 'reset':
      return INITIAL_SOFTMAX;
  }
}

/** a_j for the state's z and c. */
export function activations(state: SoftmaxState): number[] {
  const scaled = Float64Array.from(state.z, (z) => z * state.c);
  const out = new Float64Array(scaled.length);
  softmaxRow(scaled, out, 0, scaled.length);
  return Array.from(out);
}
