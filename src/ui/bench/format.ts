// The human-readable benchmark report.
import { count, fixed, percent, plural, points } from '../app/format.js';
import { PREDICTIONS_BUDGET, type PredictionsOverhead } from './predictionsOverhead.js';
import { RECORDING_LIMIT, type RecordingCost } from './recordingCost.js';
import type { BenchReport } from './runBench.js';

const MB = 1024 ** 2;

const megabytes = (bytes: number) => fixed(bytes / MB, 0);

function pad(text: string, width: number, right = true): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** "held-out predictions recorded (inspection views): +0.8% per epoch on … — within the 5% budget" */
function predictionsLine(p: PredictionsOverhead): string {
  const verdict = p.withinBudget ? 'within' : 'OVER';
  return (
    `held-out predictions recorded (inspection views): ${points(p.overhead, 1).replace(' pp', '%')} per epoch on ${p.workload} ` +
    `(evaluation ${fixed(p.plainEvalSeconds, 4)} s → ${fixed(p.recordingEvalSeconds, 4)} s of a ${fixed(p.epochSeconds, 3)} s epoch) ` +
    `— ${verdict} the ${percent(PREDICTIONS_BUDGET, 0)} budget`
  );
}

function recordingText(r: RecordingCost): string {
  return (
    `recording a run: ${fixed(r.recordSeconds * 1000, 1)} ms per epoch of [${r.sizes.join(',')}] batch ${r.batchSize} ` +
    `(${fixed(r.epochSeconds, 3)} s), ${percent(r.fraction)} ${r.withinLimit ? '— within' : '— OVER'} ${percent(RECORDING_LIMIT, 0)}`
  );
}

export function formatBenchReport(report: BenchReport): string {
  const { settings } = report;
  const engines = [...new Set(report.workloads.map((w) => w.engine))].join(', ');
  const epochs = report.workloads[0]?.epochs ?? 0;
  const lines = [
    `netdash bench · engine ${engines} · Node ${report.node} · ${report.cpu} (${report.cores} cores) · commit ${report.commit} · ${report.date}`,
    `median of ${plural(epochs, 'epoch')} after a warm-up epoch · ${count(settings.trainingSize)} training images, ` +
      `${count(settings.validationSize)} evaluated (accuracy and cost) · ${settings.cost}, η ${settings.eta}, λ ${settings.lambda}`,
    '',
    `${pad('network', 14, false)}${pad('batch', 6)}${pad('train s/epoch', 15)}${pad('eval s', 9)}${pad('examples/s', 12)}${pad('GFLOP/s*', 10)}${pad('val acc', 9)}`,
  ];
  for (const w of report.workloads) {
    lines.push(
      pad(`[${w.sizes.join(',')}]`, 14, false) +
        pad(String(w.batchSize), 6) +
        pad(fixed(w.trainSecondsPerEpoch, 3), 15) +
        pad(fixed(w.evalSeconds, 4), 9) +
        pad(count(w.examplesPerSecond), 12) +
        pad(fixed(w.gflops, 1), 10) +
        pad(percent(w.validationAccuracy), 9),
    );
  }
  lines.push('* dense-equivalent: forward, hidden-delta and weight-gradient multiply-adds of a dense network, 2 FLOP each');
  if (report.predictionsOverhead) lines.push(predictionsLine(report.predictionsOverhead));
  lines.push(`peak RSS ${megabytes(report.peakRssBytes)} MB`);
  if (report.recording) lines.push(recordingText(report.recording));
  const parallel = parallelLine(report);
  if (parallel) lines.push(parallel);
  for (const frames of report.dashboardFrames ?? []) {
    lines.push(
      `dashboard frame ${frames.size} (${frames.epochs} epochs, view ${frames.view}): key ${fixed(frames.keyFrameMs.median, 1)} ms ` +
        `(p95 ${fixed(frames.keyFrameMs.p95, 1)}), new epoch ${fixed(frames.epochFrameMs.median, 1)} ms (p95 ${fixed(frames.epochFrameMs.p95, 1)})`,
    );
  }
  const memory = report.memoryCheck;
  if (memory) {
    lines.push(
      `memory check: ${count(memory.images)} expanded images, loaded in ${fixed(memory.loadSeconds, 1)} s, ` +
        `one epoch in ${fixed(memory.trainSeconds, 2)} s (${memory.engine}), peak RSS ${megabytes(memory.peakRssBytes)} MB ` +
        `${memory.withinLimit ? '— under' : '— OVER'} ${megabytes(memory.limitBytes)} MB`,
    );
  } else if (report.memoryCheckError) {
    lines.push(`memory check failed: ${report.memoryCheckError}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The table of measured figures in docs/reproduce.md, as Markdown, with the date, machine and commit. */
export function formatBenchMarkdown(report: BenchReport): string {
  const day = report.date.slice(0, 10);
  const lines = [
    `Measured ${day} on ${report.cpu} (${report.cores} cores), Node ${report.node}, commit ${report.commit}, ` +
      `\`netdash bench\` (median of ${plural(report.workloads[0]?.epochs ?? 0, 'epoch')} after a warm-up; training pass on 50,000 images, evaluation of 10,000):`,
    '',
    '| network | mini-batch | engine | training s/epoch | evaluation s | examples/s | GFLOP/s (dense-equivalent) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const w of report.workloads) {
    lines.push(
      `| [${w.sizes.join(', ')}] | ${w.batchSize} | ${w.engine} | ${fixed(w.trainSecondsPerEpoch, 3)} | ${fixed(w.evalSeconds, 3)} | ` +
        `${count(w.examplesPerSecond)} | ${fixed(w.gflops, 1)} |`,
    );
  }
  lines.push('', `Peak resident memory ${megabytes(report.peakRssBytes)} MB.`);
  if (report.predictionsOverhead) lines.push(`${predictionsLine(report.predictionsOverhead)}.`);
  if (report.recording) lines.push(`${recordingText(report.recording)}.`);
  const parallel = parallelLine(report);
  if (parallel) lines.push(`${parallel}.`);
  if (report.dashboardFrames && report.dashboardFrames.length > 0) {
    lines.push(
      '',
      '| dashboard frame (400 epochs, view 4) | key: median / p95 ms | new epoch: median / p95 ms |',
      '|---|---|---|',
      ...report.dashboardFrames.map(
        (f) =>
          `| ${f.size} | ${fixed(f.keyFrameMs.median, 1)} / ${fixed(f.keyFrameMs.p95, 1)} | ${fixed(f.epochFrameMs.median, 1)} / ${fixed(f.epochFrameMs.p95, 1)} |`,
      ),
    );
  }
  if (report.memoryCheck) {
    const m = report.memoryCheck;
    lines.push(
      `The ${count(m.images)}-image expanded training set trains (one epoch, ${fixed(m.trainSeconds, 2)} s) ` +
        `in ${megabytes(m.peakRssBytes)} MB resident (limit ${megabytes(m.limitBytes)} MB).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** "sweep trials: 6 equal trials in 8.1 s with --jobs 1, 4.3 s with --jobs 2 (0.53 of the time)" */
function parallelLine(report: BenchReport): string | undefined {
  const p = report.parallelTrials;
  if (!p) return undefined;
  const two =
    p.secondsJobs2 === undefined
      ? 'no worker threads here for --jobs 2'
      : `${fixed(p.secondsJobs2, 1)} s with --jobs 2 (${fixed(p.ratio, 2)} of the time; at most 0.63 passes)`;
  return (
    `sweep trials: ${p.trials} equal trials ([784,30,10], ${count(p.trainingSize)} images, ${plural(p.epochs, 'epoch')}) ` +
    `in ${fixed(p.secondsJobs1, 1)} s with --jobs 1, ${two}`
  );
}
