// The human-readable benchmark report.
import type { BenchReport } from './runBench.js';

const MB = 1024 ** 2;

const epochsText = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;

function pad(text: string, width: number, right = true): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatBenchReport(report: BenchReport): string {
  const { settings } = report;
  const engines = [...new Set(report.workloads.map((w) => w.engine))].join(', ');
  const epochs = report.workloads[0]?.epochs ?? 0;
  const lines = [
    `netdash bench · engine ${engines} · Node ${report.node} · ${report.cpu} (${report.cores} cores) · commit ${report.commit} · ${report.date}`,
    `median of ${epochsText(epochs)} after a warm-up epoch · ${settings.trainingSize.toLocaleString('en-US')} training images, ` +
      `${settings.validationSize.toLocaleString('en-US')} evaluated (accuracy and cost) · ${settings.cost}, η ${settings.eta}, λ ${settings.lambda}`,
    '',
    `${pad('network', 14, false)}${pad('batch', 6)}${pad('train s/epoch', 15)}${pad('eval s', 9)}${pad('examples/s', 12)}${pad('GFLOP/s*', 10)}${pad('val acc', 9)}`,
  ];
  for (const w of report.workloads) {
    lines.push(
      pad(`[${w.sizes.join(',')}]`, 14, false) +
        pad(String(w.batchSize), 6) +
        pad(w.trainSecondsPerEpoch.toFixed(3), 15) +
        pad(w.evalSeconds.toFixed(4), 9) +
        pad(Math.round(w.examplesPerSecond).toLocaleString('en-US'), 12) +
        pad(w.gflops.toFixed(1), 10) +
        pad(`${(w.validationAccuracy * 100).toFixed(2)}%`, 9),
    );
  }
  lines.push(
    '* dense-equivalent: forward, hidden-delta and weight-gradient multiply-adds of a dense network, 2 FLOP each',
    `peak RSS ${(report.peakRssBytes / MB).toFixed(0)} MB`,
  );
  const memory = report.memoryCheck;
  if (memory) {
    lines.push(
      `memory check: ${memory.images.toLocaleString('en-US')} expanded images, loaded in ${memory.loadSeconds.toFixed(1)} s, ` +
        `one epoch in ${memory.trainSeconds.toFixed(2)} s (${memory.engine}), peak RSS ${(memory.peakRssBytes / MB).toFixed(0)} MB ` +
        `${memory.withinLimit ? '— under' : '— OVER'} ${(memory.limitBytes / MB).toFixed(0)} MB`,
    );
  } else if (report.memoryCheckError) {
    lines.push(`memory check failed: ${report.memoryCheckError}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The README's table of measured figures, as Markdown, with the date, machine and commit. */
export function formatBenchMarkdown(report: BenchReport): string {
  const day = report.date.slice(0, 10);
  const lines = [
    `Measured ${day} on ${report.cpu} (${report.cores} cores), Node ${report.node}, commit ${report.commit}, ` +
      `\`netdash bench\` (median of ${epochsText(report.workloads[0]?.epochs ?? 0)} after a warm-up; training pass on 50,000 images, evaluation of 10,000):`,
    '',
    '| network | mini-batch | engine | training s/epoch | evaluation s | examples/s | GFLOP/s (dense-equivalent) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const w of report.workloads) {
    lines.push(
      `| [${w.sizes.join(', ')}] | ${w.batchSize} | ${w.engine} | ${w.trainSecondsPerEpoch.toFixed(3)} | ${w.evalSeconds.toFixed(3)} | ` +
        `${Math.round(w.examplesPerSecond).toLocaleString('en-US')} | ${w.gflops.toFixed(1)} |`,
    );
  }
  lines.push('', `Peak resident memory ${(report.peakRssBytes / MB).toFixed(0)} MB.`);
  if (report.memoryCheck) {
    const m = report.memoryCheck;
    lines.push(
      `The ${m.images.toLocaleString('en-US')}-image expanded training set trains (one epoch, ${m.trainSeconds.toFixed(2)} s) ` +
        `in ${(m.peakRssBytes / MB).toFixed(0)} MB resident (limit ${(m.limitBytes / MB).toFixed(0)} MB).`,
    );
  }
  return `${lines.join('\n')}\n`;
}
