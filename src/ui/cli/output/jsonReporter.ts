// --json: exactly one JSON object per line on stdout (NDJSON), written as each event happens.
// Only start, epoch, lr and done are printed; the throttled batch-progress events are not, nor the
// end-of-run evaluation (its accuracy and cost are in done.final). The lines are those of a
// recorded run's events.ndjson (src/ui/app/eventLines.ts).
import type { TrainerEvent } from '../../../core/types.js';
import { doneLine, eventLine } from '../../app/eventLines.js';
import type { Io, RunContext, RunReporter, RunSummary } from './reporter.js';

export function writeJsonLine(io: Io, object: Record<string, unknown>): void {
  io.stdout.write(`${JSON.stringify(object)}\n`);
}

export class JsonReporter implements RunReporter {
  constructor(
    private readonly io: Io,
    private readonly context: RunContext,
  ) {}

  onEvent(event: TrainerEvent): void {
    const line = eventLine(event, this.context);
    if (line) writeJsonLine(this.io, line);
  }

  finish(summary: RunSummary): void {
    writeJsonLine(this.io, doneLine(summary));
  }
}
