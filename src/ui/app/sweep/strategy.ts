// `--strategy book`: the chapter's recipe for hyper-parameters ("How to choose a neural network's
// hyper-parameters?"), automated: (1) the threshold η — the largest η at which the training cost
// falls during the first few epochs, found by factors of 10 then by halving — and half of it;
// (2) the epochs, by early stopping with no improvement in 10; (3) λ from 0, then by factors of 10
// around the best; (4) optionally the schedule. Each step is a batch of trials (run in parallel)
// and ends with its decision and the evidence table behind it.
import { mean } from '../../../core/analysis/statistics.js';
import { DEFAULT_CONFIG } from '../../../core/config.js';
import { percent, plain, short } from '../format.js';
import { rankAccuracy, type TrialDone } from './events.js';
import type { Params } from './params.js';
import type { SweepSession } from './session.js';
import { ranked } from './tables.js';

/** The book: "the first few epochs". */
export const PROBE_EPOCHS = 3;
/** The book: "no-improvement-in-ten". */
export const PATIENCE = 10;
const ETA_LADDER = [0.001, 0.01, 0.1, 1, 10, 100];
const LAMBDA_LADDER = [0, 0.1, 1, 10];
const MAX_LAMBDA_STEPS = 3;

export interface BookResult {
  recommended: Record<string, unknown>;
  best?: TrialDone;
}

/** The training cost fell in every probe epoch (strictly, and stayed finite). */
export function costFalls(costs: readonly (number | undefined)[]): boolean {
  if (costs.length < 2 || costs.some((c) => c === undefined || !Number.isFinite(c))) return false;
  return costs.every((cost, i) => i === 0 || cost! < costs[i - 1]!);
}

/** Step 1's first half: the last η of the ascending ladder before the cost first fails to fall. */
export function thresholdDecade(ladder: readonly number[], falls: readonly boolean[]): { eta: number; upper?: number } {
  const firstFail = falls.indexOf(false);
  if (firstFail === -1) return { eta: ladder.at(-1)! };
  if (firstFail === 0) return { eta: ladder[0]!, upper: ladder[0] };
  return { eta: ladder[firstFail - 1]!, upper: ladder[firstFail]! };
}

/** Step 3: the next λ to try from the best so far, or undefined when the best is inside the tried range. */
export function nextLambda(tried: readonly number[], best: number): number | undefined {
  const nonZero = tried.filter((l) => l > 0).sort((a, b) => a - b);
  if (best === nonZero.at(-1)) return best * 10;
  if (best === 0 || best === nonZero[0]) {
    const below = (nonZero[0] ?? 1) / 10;
    return tried.includes(below) ? undefined : below;
  }
  return undefined;
}

/** Every seed of a setting in this batch. */
function bySetting(session: SweepSession, done: readonly TrialDone[], params: Params): TrialDone[] {
  const keys = new Set(session.trialsFor([params]).map((trial) => trial.key));
  return done.filter((d) => keys.has(d.key));
}

const meanAccuracy = (trials: readonly TrialDone[]) => mean(trials.map(rankAccuracy));

export async function runBookStrategy(session: SweepSession): Promise<BookResult> {
  const base = session.plan.base;
  const cap = typeof base.epochs === 'string' ? base.epochs : String(DEFAULT_CONFIG.epochs);
  const emit = session.emit;

  // Step 1: the threshold η.
  emit({
    type: 'step-start',
    step: 1,
    name: 'the threshold η',
    explanation:
      `Train ${PROBE_EPOCHS} epochs at η = ${ETA_LADDER.join(', ')} and watch the training cost. The threshold is the largest η ` +
      'at which it falls in every one of the first epochs (instead of oscillating or rising); refine it by halving ' +
      'from the first η at which it does not, then use half of it (the book: "a factor of two below the threshold").',
  });
  const probe = (eta: number): Params => ({
    eta: String(eta),
    epochs: String(PROBE_EPOCHS),
    'monitor-training': true,
    lambda: '0',
  });
  const probeRow = async (etas: readonly number[]) => {
    const done = await session.runBatch(session.trialsFor(etas.map(probe)), 1);
    return etas.map((eta) => {
      const trials = bySetting(session, done, probe(eta));
      const falls = trials.length > 0 && trials.every((t) => costFalls(trialCosts(session, t)));
      return {
        eta,
        falls,
        costs: trials
          .map((t) =>
            trialCosts(session, t)
              .map((c) => short(c))
              .join(' → '),
          )
          .join(' | '),
      };
    });
  };
  const ladder = await probeRow(ETA_LADDER);
  const decade = thresholdDecade(
    ETA_LADDER,
    ladder.map((row) => row.falls),
  );
  let threshold = decade.eta;
  const halving = decade.upper !== undefined && decade.upper > decade.eta ? [2, 4, 8].map((d) => decade.upper! / d) : [];
  const halves = halving.length > 0 ? await probeRow(halving) : [];
  threshold = halves.find((row) => row.falls)?.eta ?? threshold;
  const eta = Number((threshold / 2).toPrecision(3));
  const etaText = plain(eta);
  emit({
    type: 'step-done',
    step: 1,
    name: 'the threshold η',
    decision:
      (decade.upper === undefined
        ? `the cost fell even at η = ${plain(threshold)} (the largest tried); `
        : `the cost stops falling between η = ${plain(decade.eta)} and ${plain(decade.upper)}; `) +
      `threshold η ≈ ${plain(threshold)}, so η = ${etaText}`,
    chosen: { eta },
    evidence: [
      ['η', `training cost, epochs 1–${PROBE_EPOCHS}`, 'falls'],
      ...[...ladder, ...halves].map((row) => [plain(row.eta), row.costs, row.falls ? 'yes' : 'no']),
    ],
  });

  // Step 2: the epochs, by early stopping.
  emit({
    type: 'step-start',
    step: 2,
    name: 'the number of epochs',
    explanation: `Train at η = ${etaText} with early stopping: stop after ${PATIENCE} epochs without a better held-out accuracy (at most ${cap} epochs; raise --epochs for more). The best epoch is the number of epochs to train.`,
  });
  const full = (lambda: number, extra: Params = {}): Params => ({
    eta: etaText,
    lambda: plain(lambda),
    patience: String(PATIENCE),
    epochs: cap,
    ...extra,
  });
  const stopped = await session.runBatch(session.trialsFor([full(0)]), 2);
  const epochs = Math.max(1, Math.round(mean(stopped.map((t) => t.bestEpoch))));
  const early = stopped.some((t) => t.reason === 'early-stop');
  emit({
    type: 'step-done',
    step: 2,
    name: 'the number of epochs',
    decision: early
      ? `no improvement in ${PATIENCE} epochs after epoch ${epochs}: train about ${epochs} epochs (or keep early stopping on)`
      : `still improving at epoch ${cap}: the best was epoch ${epochs}; raise --epochs to look further`,
    chosen: { epochs },
    evidence: [
      ['seed', 'best acc', 'best epoch', 'epochs run', 'stop'],
      ...stopped.map((t) => [
        String(t.seed),
        percent(t.best.validationAccuracy),
        String(t.bestEpoch),
        String(t.epochs),
        t.reason,
      ]),
    ],
  });

  // Step 3: λ from 0, then by factors of 10 around the best.
  emit({
    type: 'step-start',
    step: 3,
    name: 'the regularization λ',
    explanation: `At η = ${etaText} with early stopping, try λ = ${LAMBDA_LADDER.join(', ')}; then go on by factors of 10 beyond the best while it improves.`,
  });
  const lambdaRows = new Map<number, TrialDone[]>();
  const tryLambdas = async (lambdas: number[]) => {
    const done = await session.runBatch(session.trialsFor(lambdas.map((l) => full(l))), 3);
    for (const l of lambdas) lambdaRows.set(l, bySetting(session, done, full(l)));
  };
  await tryLambdas(LAMBDA_LADDER);
  const bestLambda = () => [...lambdaRows.entries()].sort(([, a], [, b]) => meanAccuracy(b) - meanAccuracy(a))[0]![0];
  for (let i = 0; i < MAX_LAMBDA_STEPS; i++) {
    const next = nextLambda([...lambdaRows.keys()], bestLambda());
    if (next === undefined) break;
    await tryLambdas([Number(next.toPrecision(3))]);
  }
  const lambda = bestLambda();
  emit({
    type: 'step-done',
    step: 3,
    name: 'the regularization λ',
    decision: `λ = ${plain(lambda)} has the best mean held-out accuracy (${percent(meanAccuracy(lambdaRows.get(lambda)!))})`,
    chosen: { lambda },
    evidence: [
      ['λ', 'mean best acc', 'best epochs'],
      ...[...lambdaRows.entries()]
        .sort(([a], [b]) => a - b)
        .map(([l, ts]) => [plain(l), percent(meanAccuracy(ts)), ts.map((t) => t.bestEpoch).join(',')]),
    ],
  });

  let finalists = lambdaRows.get(lambda)!;
  const recommended: Record<string, unknown> = {
    eta,
    lambda,
    epochs: Math.max(1, Math.round(mean(finalists.map((t) => t.bestEpoch)))),
  };
  if (session.plan.spec.trySchedule) {
    emit({
      type: 'step-start',
      step: 4,
      name: 'the learning-rate schedule',
      explanation: `At η = ${etaText}, λ = ${plain(lambda)}: halve η after ${PATIENCE} epochs without improvement, until it is 1/128 of the start.`,
    });
    const scheduled = await session.runBatch(session.trialsFor([full(lambda, { schedule: true })]), 4);
    const better = meanAccuracy(scheduled) > meanAccuracy(finalists);
    if (better) {
      finalists = scheduled;
      recommended.schedule = true;
      recommended.epochs = Math.max(1, Math.round(mean(scheduled.map((t) => t.bestEpoch))));
    }
    emit({
      type: 'step-done',
      step: 4,
      name: 'the learning-rate schedule',
      decision: better ? 'the schedule helps: keep --schedule' : 'the schedule does not help here: leave it out',
      chosen: { schedule: better },
      evidence: [
        ['schedule', 'mean best acc'],
        ['no', percent(meanAccuracy(lambdaRows.get(lambda)!))],
        ['yes', percent(meanAccuracy(scheduled))],
      ],
    });
  }
  return { recommended, best: ranked(finalists)[0] };
}

/** The training costs of a trial's probe epochs (kept by the session from its epoch events). */
function trialCosts(session: SweepSession, trial: TrialDone): (number | undefined)[] {
  return session.historyOf(trial.key).map((metrics) => metrics.trainingCost);
}
