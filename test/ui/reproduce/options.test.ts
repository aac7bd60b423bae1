import { describe, expect, it } from 'vitest';
import { parseReproduceArgs } from '../../../src/ui/reproduce/options.js';

describe('reproduce options', () => {
  it('splits --only on commas, also when repeated, and drops duplicates', () => {
    const result = parseReproduceArgs({ only: ['eta, init', 'eta'] });
    expect(result.ok && result.options.only).toEqual(['eta', 'init']);
  });

  it('defaults: the default set, default seeds, table output, no files', () => {
    const result = parseReproduceArgs({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.options).toMatchObject({ only: undefined, seeds: undefined, json: false, out: undefined, quick: false, engine: 'auto' });
    expect(result.options.jobs).toBeGreaterThanOrEqual(1);
  });

  it('rejects an unknown id in one line naming it and the allowed ids', () => {
    const result = parseReproduceArgs({ only: 'eta,nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/^--only: unknown experiment nope; expected ids from .*cross-entropy/);
    expect(result.problem).not.toContain('\n');
  });

  it('rejects bad seeds, jobs and an empty --only or --out', () => {
    for (const seeds of [0, 1.5, 'x', '2x', 21]) {
      const result = parseReproduceArgs({ seeds });
      expect(!result.ok && result.problem).toMatch(/^--seeds: got .*; must be a whole number from 1 to 20$/);
    }
    expect(parseReproduceArgs({ jobs: 0 }).ok).toBe(false);
    const engine = parseReproduceArgs({ engine: 'gpu' });
    expect(!engine.ok && engine.problem).toBe('--engine: got gpu; must be one of auto, typescript, wasm');
    expect(parseReproduceArgs({ only: ' , ' }).ok).toBe(false);
    expect(parseReproduceArgs({ out: '' }).ok).toBe(false);
  });
});

describe('numbers given as text', () => {
  it('reads --seeds and --jobs from their text', () => {
    const result = parseReproduceArgs({ seeds: '5', jobs: ' 2 ' });
    expect(result.ok && [result.options.seeds, result.options.jobs]).toEqual([5, 2]);
  });
});
