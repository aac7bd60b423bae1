// The chapter's single-neuron example of the learning slowdown.
import { describe, expect, it } from 'vitest';
import { runSingleNeuron } from '../../src/core/singleNeuron.js';

describe('single neuron, input 1, target 0', () => {
  it('starts at the outputs the book quotes: 0.82 from w=0.6 b=0.9, 0.98 from w=b=2', () => {
    expect(runSingleNeuron({ label: '', cost: 'quadratic', w: 0.6, b: 0.9, eta: 0.15, epochs: 0 })[0]!.output).toBeCloseTo(
      0.82,
      2,
    );
    expect(runSingleNeuron({ label: '', cost: 'quadratic', w: 2, b: 2, eta: 0.15, epochs: 0 })[0]!.output).toBeCloseTo(0.98, 2);
  });

  it('quadratic cost from 0.6/0.9 brings the output near 0.09 after 300 epochs', () => {
    const steps = runSingleNeuron({ label: '', cost: 'quadratic', w: 0.6, b: 0.9, eta: 0.15, epochs: 300 });
    expect(steps.at(-1)!.output).toBeGreaterThan(0.07);
    expect(steps.at(-1)!.output).toBeLessThan(0.11);
  });

  it('quadratic cost from 2/2 stays nearly flat for ~150 epochs, then falls', () => {
    const steps = runSingleNeuron({ label: '', cost: 'quadratic', w: 2, b: 2, eta: 0.15, epochs: 300 });
    const start = steps[0]!.cost;
    expect(steps[100]!.cost).toBeGreaterThan(0.9 * start);
    expect(steps[300]!.cost).toBeLessThan(0.1 * start);
  });

  it('cross-entropy from 2/2 falls fastest at the start (no σ′ slowdown)', () => {
    const steps = runSingleNeuron({ label: '', cost: 'cross-entropy', w: 2, b: 2, eta: 0.005, epochs: 300 });
    const drops = steps.slice(1).map((s, i) => steps[i]!.cost - s.cost);
    expect(drops.every((d) => d > 0)).toBe(true);
    expect(drops[0]).toBe(Math.max(...drops));
    // Relative progress over the first 50 epochs: far ahead of the quadratic cost from the same start.
    const quadratic = runSingleNeuron({ label: '', cost: 'quadratic', w: 2, b: 2, eta: 0.15, epochs: 50 });
    const relative = (s: { cost: number }[]) => 1 - s[50]!.cost / s[0]!.cost;
    expect(relative(steps)).toBeGreaterThan(5 * relative(quadratic));
  });
});
