// The run folder's files read back as written, and damaged or foreign files read safely: the
// safetensors checkpoint, the NDJSON/CSV lines (a half-written last line dropped), the description.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrainerCheckpoint } from '../../src/core/checkpoint.js';
import { DataError } from '../../src/data/errors.js';
import {
  RUN_FILES,
  appendLines,
  createRunFolder,
  metricsRow,
  readDescription,
  readLines,
  readMetrics,
  METRICS_HEADER,
} from '../../src/data/runs.js';
import { decodeCheckpoint, encodeCheckpoint, readCheckpoint, writeCheckpointAsync } from '../../src/data/runsCheckpoint.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'netdash-runs-data-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const checkpoint = (): TrainerCheckpoint => ({
  epoch: 3,
  eta: 0.25,
  seconds: 1.5,
  tracker: { improved: false, best: Number.NaN, bestEpoch: 0, epochsSinceImprovement: 3, epochs: 3 },
  final: { validationAccuracy: 0.5, validationCost: 1.25 },
  rng: {
    init: { state: 7, spareGaussian: -0.123456789 },
    shuffle: { state: 4294967295, spareGaussian: null },
    dropout: { state: 1, spareGaussian: null },
  },
  engine: {
    engine: 'wasm',
    numbers: { firstLayerScale: 0.75 },
    arrays: {
      w0: Float32Array.of(0.1, -2, 3.5e-8),
      b0: Float32Array.of(1),
      vw0: Float32Array.of(0, 0, 1e-30),
      vb0: Float32Array.of(-1),
    },
  },
  bestWeights: { weights: [Float64Array.of(Math.PI, Math.E, 1 / 3)], biases: [Float64Array.of(-0)] },
});

describe('checkpoint file (safetensors)', () => {
  it('reads back exactly what was written: numbers, NaN, float32 and float64 arrays', async () => {
    const path = join(folder, RUN_FILES.checkpoint);
    await writeCheckpointAsync(path, checkpoint(), { extra: { run: 'r1' }, sync: true });
    const { checkpoint: read, extra } = readCheckpoint(path);
    expect(read).toEqual(checkpoint());
    expect(read.engine.arrays.w0).toBeInstanceOf(Float32Array);
    expect(read.bestWeights?.weights[0]).toBeInstanceOf(Float64Array);
    expect(extra).toEqual({ run: 'r1' });
  });

  it('is a valid safetensors file: header length, JSON header with dtypes and contiguous offsets', () => {
    const bytes = encodeCheckpoint(checkpoint());
    const length = Number(bytes.readBigUInt64LE(0));
    expect((8 + length) % 8).toBe(0);
    const header = JSON.parse(bytes.subarray(8, 8 + length).toString()) as Record<
      string,
      { dtype: string; data_offsets: number[] }
    >;
    expect(header['engine.w0']?.dtype).toBe('F32');
    expect(header['best.w0']?.dtype).toBe('F64');
    const ends = Object.entries(header)
      .filter(([name]) => name !== '__metadata__')
      .map(([, t]) => t.data_offsets)
      .sort((a, b) => a[0]! - b[0]!);
    ends.forEach((range, i) => expect(range[0]).toBe(i === 0 ? 0 : ends[i - 1]![1]));
    expect(ends.at(-1)![1]).toBe(bytes.length - 8 - length);
  });

  it('refuses another format version, a foreign file and a truncated one, naming the file', () => {
    const bytes = encodeCheckpoint(checkpoint());
    const newer = Buffer.from(bytes.toString('latin1').replace('"version":"1"', '"version":"9"'), 'latin1');
    expect(() => decodeCheckpoint(newer, 'c')).toThrow(/c: checkpoint format version 9; this netdash reads version 1/);
    expect(() => decodeCheckpoint(Buffer.from('hello world, not a checkpoint'), 'c')).toThrow(DataError);
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 5), 'c')).toThrow(/out of range/);
  });
});

describe('run folder files', () => {
  it('names are unique even when many folders are made in the same second', () => {
    const date = new Date('2025-01-31T14:05:00Z');
    const names = Array.from({ length: 50 }, () => createRunFolder(folder, 'custom', date).name);
    expect(new Set(names).size).toBe(50);
    expect(names[0]).toMatch(new RegExp(`^20250131-140500-custom-${process.pid}-[0-9a-f]{6}$`));
  });

  it('drops a half-written last line and reports it', () => {
    appendLines(folder, RUN_FILES.events, ['{"type":"start"}', '{"type":"epoch","epoch":1}']);
    writeFileSync(join(folder, RUN_FILES.events), '{"type":"epoch","ep', { flag: 'a' });
    const read = readLines(folder, RUN_FILES.events);
    expect(read.lines).toEqual(['{"type":"start"}', '{"type":"epoch","epoch":1}']);
    expect(read.truncated).toBe(true);
    expect(readLines(folder, 'missing.ndjson')).toEqual({ lines: [], truncated: false, missing: true });
  });

  it('reads metrics rows in full precision and skips a damaged row', () => {
    appendLines(folder, RUN_FILES.metrics, [
      METRICS_HEADER,
      metricsRow({ epoch: 1, validationAccuracy: 0.1 + 0.2, learningRate: 0.5 }),
      '2,garbage',
    ]);
    const { rows, damaged } = readMetrics(folder);
    expect(rows).toEqual([{ epoch: 1, validationAccuracy: 0.1 + 0.2, learningRate: 0.5 }]);
    expect(damaged).toBe(true);
  });

  it('refuses a description that is not a netdash run', () => {
    writeFileSync(join(folder, RUN_FILES.description), JSON.stringify({ format: 'something-else' }));
    expect(() => readDescription(folder)).toThrow(/not a netdash run description/);
    writeFileSync(join(folder, RUN_FILES.description), '{"format": "netdash-run", ');
    expect(() => readDescription(folder)).toThrow(/not JSON/);
    expect(readFileSync(join(folder, RUN_FILES.description), 'utf8')).toContain('netdash-run');
  });
});
