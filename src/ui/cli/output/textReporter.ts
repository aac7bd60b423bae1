// Plain text for people and logs: a header, one line per epoch, learning-rate changes, a summary.
// No escape codes on stdout; the optional progress line goes to stderr and only on a terminal.
import type { EpochEvent, StartEvent, TrainConfig, TrainerEvent } from '../../../core/types.js';
import { metricsText, percent, plural, seconds, short } from '../../app/format.js';
import type { TtyProgress } from './progress.js';
import type { Io, RunContext, RunReporter, RunSummary } from './reporter.js';

const REASONS: Record<string, string> = {
  completed: 'completed',
  'early-stop': 'early stop (no improvement for the patience)',
  schedule: 'schedule ended (η fell below η₀/128)',
  diverged: 'diverged (NaN or infinite cost; last good weights kept)',
  aborted: 'interrupted',
};

/** The config in one line; `loaded`: the weights came from a file, so no initialisation is named. */
export function configText(config: TrainConfig, loaded = false): string {
  const parts = [
    `[${config.sizes.join(',')}]`,
    config.cost,
    ...(loaded ? [] : [`init ${config.init}`]),
    `η ${config.eta}`,
    `m ${config.batchSize}`,
  ];
  if (config.lambda > 0) parts.push(`λ ${config.lambda}`);
  if (config.l1 > 0) parts.push(`L1 ${config.l1}`);
  if (config.dropout > 0) parts.push(`dropout ${config.dropout}`);
  if (config.momentum > 0) parts.push(`μ ${config.momentum}`);
  if (config.patience !== undefined) parts.push(`patience ${config.patience}`);
  if (config.schedule) parts.push('schedule');
  parts.push(plural(config.epochs, 'epoch'), `seed ${config.seed}`);
  return parts.join('  ');
}

export class TextReporter implements RunReporter {
  private config: TrainConfig | undefined;

  constructor(
    private readonly io: Io,
    private readonly context: RunContext,
    private readonly progress?: TtyProgress,
  ) {}

  onEvent(event: TrainerEvent): void {
    switch (event.type) {
      case 'start':
        return this.line(this.startText(event));
      case 'batch':
        return this.progress?.update(event);
      case 'epoch':
        return this.line(this.epochText(event));
      case 'lr':
        return this.line(`epoch ${event.epoch}: no improvement, η ${short(event.from)} → ${short(event.to)}`);
      case 'evaluation': // its accuracy and cost are in done.final, printed by finish()
      case 'done':
        return;
    }
  }

  finish({ done, testAccuracy, saved }: RunSummary): void {
    const set = this.setName;
    const parts = [
      `done: ${REASONS[done.reason] ?? done.reason} after ${plural(done.epochs, 'epoch')} in ${seconds(done.seconds)}`,
    ];
    // Empty when nothing was monitored, or when the first epoch already diverged.
    const best = metricsText(done.best, set);
    const final = metricsText(done.final, set);
    if (best) parts.push(`best epoch ${done.bestEpoch}: ${best}`);
    if (final) parts.push(`final: ${final}`);
    if (testAccuracy !== undefined) parts.push(`test acc ${percent(testAccuracy)}`);
    if (saved !== undefined) parts.push(`saved ${saved}`);
    this.line(parts.join('  '));
  }

  private get setName(): string {
    return this.context.heldOut === 'test' ? 'test' : 'val';
  }

  private startText(event: StartEvent): string {
    this.config = event.config;
    const c = this.context;
    const preset = c.experiment ? `${c.experiment.id} (${c.experiment.run})  ` : '';
    const from = c.loadedFrom ? `  from ${c.loadedFrom}` : '';
    return (
      `netdash ${c.version}  ${preset}${configText(event.config, c.loadedFrom !== undefined)}${from}\n` +
      `data: ${event.trainingSize} training, ${event.validationSize} ${c.heldOut} (monitored)  ` +
      `engine ${c.engine}  loaded in ${seconds(c.loadSeconds)}` +
      (c.runDir === undefined ? '' : `\nrecorded in ${c.runDir}`) +
      (c.resumedAfter === undefined ? '' : `  (continued after epoch ${c.resumedAfter})`)
    );
  }

  private epochText(event: EpochEvent): string {
    const config = this.config;
    const parts = [`epoch ${event.epoch}/${config?.epochs ?? '?'}`];
    const metrics = metricsText(event.metrics, this.setName);
    if (metrics) parts.push(metrics);
    parts.push(`η ${short(event.learningRate)}`);
    if (event.bestEpoch > 0) {
      const best =
        config?.monitor === 'val-cost' ? short(event.bestMetrics.validationCost) : percent(event.bestMetrics.validationAccuracy);
      parts.push(`best ${best} @${event.bestEpoch}`);
    }
    if (config?.patience !== undefined) parts.push(`no gain ${event.epochsSinceImprovement}/${config.patience}`);
    parts.push(`${seconds(event.trainSeconds)}+${seconds(event.evalSeconds)}`);
    return parts.join('  ');
  }

  private line(text: string): void {
    this.progress?.clear();
    this.io.stdout.write(`${text}\n`);
  }
}
