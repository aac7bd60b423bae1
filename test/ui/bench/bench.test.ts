// The benchmark's arithmetic, flags and report (its timings are measured by `npm run bench`, not
// tested). Flags are checked in-process on tables of cases, plus one spawned smoke test of the CLI.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Engines from '../../../src/core/engines.js';
import { UsageError } from '../../../src/ui/app/errors.js';
import { formatBenchMarkdown, formatBenchReport } from '../../../src/ui/bench/format.js';
import { benchOptions } from '../../../src/ui/bench/command.js';
import { median } from '../../../src/ui/bench/measure.js';
import type { BenchReport } from '../../../src/ui/bench/runBench.js';
import { BENCH_SETTINGS, flopsPerExample } from '../../../src/ui/bench/workloads.js';

// Whether WebAssembly SIMD is available, switchable per test (the real answer is true on Node 20).
const runtime = vi.hoisted(() => ({ wasm: true }));
vi.mock('../../../src/core/engines.js', async (importOriginal) => ({
  ...(await importOriginal<typeof Engines>()),
  wasmEngineAvailable: () => runtime.wasm,
}));
afterEach(() => {
  runtime.wasm = true;
});

type BenchArgs = Parameters<typeof benchOptions>[0];
type BenchOptions = ReturnType<typeof benchOptions>;

const DEFAULTS: BenchOptions = { engine: 'auto', epochs: 3, format: 'text', memoryCheck: true };

const GOOD: [string, BenchArgs, Partial<BenchOptions>][] = [
  ['no flags: 3 epochs, auto engine, text, with the memory check', {}, {}],
  ['the fewest epochs', { epochs: '1' }, { epochs: 1 }],
  ['the most epochs', { epochs: '100' }, { epochs: 100 }],
  ['epochs with spaces', { epochs: ' 7 ' }, { epochs: 7 }],
  ['--engine typescript', { engine: 'typescript' }, { engine: 'typescript' }],
  ['--engine wasm', { engine: 'wasm' }, { engine: 'wasm' }],
  ['--json', { json: true }, { format: 'json' }],
  ['--markdown', { markdown: true }, { format: 'markdown' }],
  ['--no-json --markdown', { json: false, markdown: true }, { format: 'markdown' }],
  ['--no-memory', { memory: false }, { memoryCheck: false }],
  ['--memory', { memory: true }, { memoryCheck: true }],
  [
    'everything at once',
    { epochs: '5', engine: 'typescript', json: true, memory: false },
    { epochs: 5, engine: 'typescript', format: 'json', memoryCheck: false },
  ],
];

const epochsProblem = (got: string) => `--epochs: got ${got}; must be a whole number from 1 to 100`;

const BAD: [BenchArgs, string][] = [
  [{ epochs: '0' }, epochsProblem('0')],
  [{ epochs: '101' }, epochsProblem('101')],
  [{ epochs: '-1' }, epochsProblem('-1')],
  [{ epochs: '2.5' }, epochsProblem('2.5')],
  [{ epochs: 'abc' }, epochsProblem('abc')],
  [{ epochs: '3x' }, epochsProblem('3x')],
  [{ epochs: '' }, epochsProblem('')],
  [{ engine: 'gpu' }, '--engine: got gpu; must be one of auto, typescript, wasm'],
  [{ engine: 'WASM' }, '--engine: got WASM; must be one of auto, typescript, wasm'],
  [{ json: true, markdown: true }, '--json and --markdown: choose one output format'],
  // Several problems: epochs first, then engine, then the output format.
  [{ epochs: '0', engine: 'gpu', json: true, markdown: true }, epochsProblem('0')],
  [{ engine: 'gpu', json: true, markdown: true }, '--engine: got gpu; must be one of auto, typescript, wasm'],
];

function usageProblem(args: BenchArgs): string {
  try {
    benchOptions(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`benchOptions accepted ${JSON.stringify(args)}`);
}

describe('bench options', () => {
  it.each(GOOD)('%s', (_name, args, expected) => {
    expect(benchOptions(args)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each(BAD)('rejects %o with one usage line', (args, problem) => {
    expect(usageProblem(args)).toBe(problem);
  });

  it('refuses --engine wasm where WebAssembly SIMD is missing, but auto and typescript still run', () => {
    runtime.wasm = false;
    expect(usageProblem({ engine: 'wasm' })).toBe(
      '--engine: wasm needs WebAssembly SIMD, which this runtime lacks; use auto or typescript',
    );
    expect(benchOptions({ engine: 'auto' }).engine).toBe('auto');
    expect(benchOptions({ engine: 'typescript' }).engine).toBe('typescript');
  });
});

describe('netdash bench (the built CLI)', () => {
  it('exits 2 with one line naming the flag, before measuring anything', async () => {
    const cli = join(resolve(import.meta.dirname, '../../..'), 'dist/src/ui/main.js');
    const failure = await promisify(execFile)(process.execPath, [cli, 'bench', '--epochs', '0']).then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2, stdout: '', stderr: `netdash: ${epochsProblem('0')}\n` });
  });
});

describe('bench', () => {
  it('counts forward, hidden-delta and weight-gradient multiply-adds as 2 FLOP each', () => {
    // [784, 30, 10]: forward 784·30 + 30·10 = 23,820, weight gradients the same, δ of the hidden layer 30·10.
    expect(flopsPerExample([784, 30, 10])).toBe(2 * (23_820 + 23_820 + 300));
    // No hidden layer: no hidden delta.
    expect(flopsPerExample([784, 10])).toBe(2 * 2 * 7840);
    expect(flopsPerExample([784, 100, 30, 10])).toBe(2 * (2 * (78_400 + 3000 + 300) + 3000 + 300));
  });

  it('takes the median of the measured epochs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints every workload with its figures, and the memory check against the 1 GB limit', () => {
    const report: BenchReport = {
      date: '2026-01-02T03:04:05.000Z',
      node: 'v20.20.2',
      cpu: 'Test CPU',
      cores: 2,
      platform: 'linux x64',
      commit: 'abc1234',
      engineRequested: 'auto',
      settings: BENCH_SETTINGS,
      workloads: [
        {
          sizes: [784, 30, 10],
          batchSize: 10,
          engine: 'wasm',
          epochs: 3,
          trainSecondsPerEpoch: 0.125,
          evalSeconds: 0.0123,
          examplesPerSecond: 400_000,
          gflops: 38.35,
          trainSeconds: [0.125, 0.12, 0.13],
          evalSecondsAll: [0.0123, 0.0123, 0.0123],
          validationAccuracy: 0.9512,
        },
      ],
      peakRssBytes: 200 * 1024 ** 2,
      memoryCheck: {
        images: 250_000,
        loadSeconds: 0.3,
        trainSeconds: 0.6,
        engine: 'wasm',
        peakRssBytes: 1100 * 1024 ** 2,
        limitBytes: 1024 ** 3,
        withinLimit: false,
      },
    };
    const text = formatBenchReport(report);
    expect(text).toMatch(/\[784,30,10\]\s+10\s+0\.125\s+0\.0123\s+400,000\s+38\.4\s+95\.12%/);
    expect(text).toContain('peak RSS 200 MB');
    expect(text).toContain('peak RSS 1100 MB — OVER 1024 MB');
    const markdown = formatBenchMarkdown(report);
    expect(markdown).toContain('Measured 2026-01-02 on Test CPU (2 cores), Node v20.20.2, commit abc1234');
    expect(markdown).toContain('| [784, 30, 10] | 10 | wasm | 0.125 | 0.012 | 400,000 | 38.4 |');
  });
});
