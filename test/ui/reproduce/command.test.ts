// `netdash reproduce --quick` end to end through yargs: the table, the files, exit codes, and
// "ours" numbers that come from the runs.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReproduceCommand } from '../../../src/ui/reproduce/command.js';
import { TABLE_COLUMNS } from '../../../src/ui/reproduce/markdown.js';
import type { Report } from '../../../src/ui/reproduce/report.js';

interface Captured {
  stdout: string;
  stderr: string;
  code: number | undefined;
}

async function runCommand(args: string[]): Promise<Captured> {
  const captured: Captured = { stdout: '', stderr: '', code: undefined };
  const io = {
    stdout: { write: (text: string) => (captured.stdout += text) },
    stderr: { write: (text: string) => (captured.stderr += text), isTTY: false },
    setExitCode: (code: number) => (captured.code = code),
  };
  await yargs()
    .command(createReproduceCommand(io))
    .parseAsync(['reproduce', ...args]);
  return captured;
}

const readJsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as { type: string; epoch?: number; metrics?: { validationAccuracy?: number }; seed?: number },
    );

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'netdash-reproduce-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('netdash reproduce --quick', () => {
  let result: Captured;
  const out = () => join(folder, 'report');

  beforeAll(async () => {
    result = await runCommand(['--quick', '--only', 'cross-entropy,eta', '--out', out()]);
  });

  it('prints the labelled table on stdout and exits 0', () => {
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(`| ${TABLE_COLUMNS.join(' | ')} |`);
    expect(result.stdout).toContain('QUICK RUN');
    const rows = lines.filter((line) => /^\| (cross-entropy|eta)/.test(line));
    expect(rows.map((line) => line.split(' | ')[0])).toEqual(['| cross-entropy (30 hidden)', '| eta']);
    for (const line of rows) expect(line.split(' | ')).toHaveLength(TABLE_COLUMNS.length);
  });

  it('shows progress on stderr: experiment, run, epoch and ETA', () => {
    expect(result.stderr).toMatch(/reproduce \[quick\] run \d+\/12 · (eta|cross-entropy) · .* · seed \d\/3 · epoch \d\/3 .*ETA/);
    expect(result.stderr).toMatch(/done 12\/12/);
    expect(result.stdout).not.toContain('ETA');
  });

  it('writes the Markdown, CSV, JSON, one NDJSON per run and one SVG per experiment', () => {
    const files = readdirSync(out()).sort();
    expect(files).toEqual(['charts', 'reproduce.csv', 'reproduce.json', 'reproduce.md', 'runs']);
    expect(readdirSync(join(out(), 'charts')).sort()).toEqual(['cross-entropy.svg', 'eta.svg']);
    const runs = readdirSync(join(out(), 'runs'));
    expect(runs).toHaveLength(3 + 9);
    expect(runs).toContain('cross-entropy-run1-seed12345679.ndjson');
    expect(readFileSync(join(out(), 'reproduce.md'), 'utf8')).toBe(result.stdout);
    const csv = readFileSync(join(out(), 'reproduce.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 1 + 3);
    const svg = readFileSync(join(out(), 'charts', 'eta.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Three seeds and a mean for each η, plus the book's three curves.
    expect(svg.match(/<polyline /g)).toHaveLength(3 * 4 + 3);
  });

  it('records each run’s events as NDJSON: a header, start, every epoch, done; no batch noise', () => {
    const events = readJsonLines(join(out(), 'runs', 'eta-run2-seed12345680.ndjson'));
    expect(events[0]).toMatchObject({ type: 'run', experiment: 'eta', seed: 12345680, quick: true });
    expect(events.map((e) => e.type)).toEqual(['run', 'start', 'epoch', 'epoch', 'epoch', 'done']);
  });

  it('takes "ours" from the runs: the best epochs of the seeds, which differ from seed to seed', () => {
    const report = JSON.parse(readFileSync(join(out(), 'reproduce.json'), 'utf8')) as Report;
    const row = report.rows.find((r) => r.experiment === 'cross-entropy')!;
    const peaks = [12345678, 12345679, 12345680].map((seed) => {
      const events = readJsonLines(join(out(), 'runs', `cross-entropy-run1-seed${seed}.ndjson`));
      return Math.max(...events.filter((e) => e.type === 'epoch').map((e) => e.metrics!.validationAccuracy!));
    });
    expect(row.runs[0]!.best.values).toEqual(peaks);
    expect(new Set(peaks).size).toBeGreaterThan(1);
    expect(row.runs[0]!.best.sd).toBeGreaterThan(0);
    expect(row.difference).toBeCloseTo(row.runs[0]!.best.mean - 0.9549, 12);
    expect(report.quick).toBe(true);
    expect(report.rows.map((r) => r.verdict.status).every((s) => s === 'pass' || s === 'miss')).toBe(true);
  });
});

describe('netdash reproduce output and errors', () => {
  it('--json prints one JSON object', async () => {
    const result = await runCommand(['--quick', '--only', 'slowdown', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.quick).toBe(true);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ experiment: 'slowdown', verdict: { status: 'pass' } });
  });

  it('rejects an unknown experiment in one line with exit code 2, before any training', async () => {
    const result = await runCommand(['--only', 'cross-entropy,nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^netdash reproduce: --only: unknown experiment nope; expected ids from slowdown, /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects an output path that is a file in one line with exit code 2', async () => {
    const file = join(folder, 'a-file');
    writeFileSync(file, 'x');
    const result = await runCommand(['--quick', '--only', 'slowdown', '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^netdash reproduce: .*a-file: exists and is a file, not a folder/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
