// `netdash reproduce`: plan the runs, train them headless (progress on stderr), judge each row
// against the book, print the table (or JSON) on stdout and write the files of --out.
import { resolve } from 'node:path';
import { findExperiment } from '../../core/experiments.js';
import { runSingleNeuron, type SingleNeuronStep } from '../../core/singleNeuron.js';
import type { TrainerEvent } from '../../core/types.js';
import { writeFileAtomic } from '../../data/files.js';
import { EXIT } from '../app/exitCodes.js';
import { duration, fixed, percent } from '../app/format.js';
import { experimentChart } from './charts.js';
import { csvReport } from './csv.js';
import { effectiveJobs, runTasks } from './executor.js';
import { markdownReport } from './markdown.js';
import type { ReproduceOptions } from './options.js';
import { DEFAULT_SEEDS, buildPlan, quickDescription, type RunTask } from './plan.js';
import { ProgressReporter, type ProgressStream } from './progress.js';
import type { Report } from './report.js';
import { rowsOf, slowdownRow } from './rows.js';
import type { RunOutcome } from './runTask.js';
import { REPORT_FILES, chartPath, prepareOutDir, writeReportFile, writeRunEvents } from './writeReports.js';

export interface ReproduceIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
}

/** Exit codes of `netdash reproduce`: those of the rest of the CLI (1 also when a row of a full run misses the book). */

export const GENERAL_NOTES = [
  "The book's numbers come from one run of its network2.py (Python, numpy's random generator); ours are netdash runs " +
    "with their own seeded generator, so no seed repeats the book's run exactly: the spread over seeds shows what is noise.",
  'best epoch = the epoch with the highest held-out accuracy (the book reports its peaks) or lowest cost; final = after the last epoch.',
];

function taskLabel(task: RunTask, seedCount: number): string {
  const run = findExperiment(task.experimentId)?.runs[task.runIndex];
  return `${task.experimentId} · ${run?.label ?? `run ${task.runIndex + 1}`} · seed ${task.seedIndex + 1}/${seedCount}`;
}

function outcomeSummary(outcome: RunOutcome): string {
  const accuracy = outcome.curves.validationAccuracy;
  const parts: string[] = [];
  if (accuracy.length > 0) {
    const best = Math.max(...accuracy);
    parts.push(
      `${outcome.heldOutName} best ${percent(best)} (epoch ${accuracy.indexOf(best) + 1}), final ${percent(accuracy.at(-1)!)}`,
    );
  }
  if (outcome.endEvaluation) parts.push(`${outcome.heldOutName} ${percent(outcome.endEvaluation.accuracy)} after training`);
  if (outcome.curves.trainingCost.length > 0) parts.push(`training cost ${fixed(outcome.curves.trainingCost.at(-1))}`);
  parts.push(`${outcome.done.epochs} epochs in ${duration(outcome.done.seconds)}`);
  return parts.join(', ');
}

export async function reproduce(options: ReproduceOptions, io: ReproduceIo): Promise<number> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const plan = buildPlan({ only: options.only, seeds: options.seeds, quick: options.quick, engine: options.engine });
  if (options.out) prepareOutDir(options.out);
  const jobs = Math.max(1, Math.min(effectiveJobs(options.jobs), plan.tasks.length));

  const progress = new ProgressReporter(
    io.stderr,
    plan.totalWork,
    plan.tasks.length,
    options.quick ? 'reproduce [quick] ' : 'reproduce ',
  );
  progress.message(
    `${plan.experiments.length} experiment(s), ${plan.tasks.length} training run(s), ${jobs} at a time` +
      (options.quick ? " — QUICK RUN, not the book's set-up" : ''),
  );

  const neuronSteps = new Map<string, SingleNeuronStep[][]>();
  for (const experimentPlan of plan.experiments) {
    if (experimentPlan.rule !== 'slowdown') continue;
    neuronSteps.set(experimentPlan.experiment.id, (experimentPlan.experiment.neuron ?? []).map(runSingleNeuron));
    progress.message(
      `${experimentPlan.experiment.id}: single neuron, ${experimentPlan.experiment.neuron?.length ?? 0} runs done`,
    );
  }

  const seedCount = new Map(plan.experiments.map((p) => [p.experiment.id, p.seeds.length]));
  const files: string[] = [];
  // close() also on failure, so an error message never lands after a half-drawn progress line.
  const runsDir = options.runsDir;
  const tasks = runsDir === undefined ? plan.tasks : plan.tasks.map((task) => ({ ...task, runsDir: resolve(runsDir) }));
  const outcomes = await runTasks(tasks, jobs, {
    onStart: (task) => progress.runStarted(task, taskLabel(task, seedCount.get(task.experimentId) ?? 1)),
    onEvent: (task: RunTask, event: TrainerEvent) => progress.event(task, event),
    onOutcome: (task, outcome) => {
      if (options.out) files.push(writeRunEvents(options.out, task, outcome, options.quick));
      progress.runFinished(task, outcomeSummary(outcome));
    },
  }).finally(() => progress.close());

  const rows = plan.experiments.flatMap((experimentPlan) =>
    experimentPlan.rule === 'slowdown'
      ? [slowdownRow(experimentPlan, neuronSteps.get(experimentPlan.experiment.id) ?? [])]
      : rowsOf(experimentPlan, outcomes),
  );
  const report: Report = {
    quick: options.quick,
    quickNote: options.quick ? quickDescription() : undefined,
    seedsPerRun: options.seeds ?? DEFAULT_SEEDS,
    jobs,
    engines: [...new Set([...outcomes.values()].map((outcome) => outcome.engine))],
    startedAt,
    seconds: (performance.now() - started) / 1000,
    notes: [...GENERAL_NOTES],
    rows,
    passed: rows.filter((row) => row.verdict.status === 'pass').length,
    missed: rows.filter((row) => row.verdict.status === 'miss').length,
  };

  const markdown = markdownReport(report);
  if (options.out) {
    files.push(writeReportFile(options.out, REPORT_FILES.markdown, markdown));
    files.push(writeReportFile(options.out, REPORT_FILES.csv, csvReport(report)));
    for (const experimentPlan of plan.experiments) {
      const experimentRows = rows.filter((row) => row.experiment === experimentPlan.experiment.id);
      const path = chartPath(options.out, experimentPlan.experiment.id);
      writeFileAtomic(path, experimentChart(experimentPlan.experiment, experimentRows, options.quick));
      files.push(path);
    }
    const jsonPath = writeReportFile(options.out, REPORT_FILES.json, `${JSON.stringify(report, null, 2)}\n`);
    files.push(jsonPath);
  }
  io.stdout.write(options.json ? `${JSON.stringify({ ...report, files })}\n` : markdown);
  if (options.out && !options.json) io.stderr.write(`reproduce: wrote ${files.length} files to ${options.out}\n`);
  return !options.quick && report.missed > 0 ? EXIT.failed : EXIT.ok;
}
