// A small sweep, live: edit the preset's η and λ values, start, and watch the trials (table), the
// η × λ grid shaded by best accuracy, and the held-out accuracy curves of the best trials overlaid.
// Runs through the sweep's event API (docs/sweeps.md "For front ends").
import { availableParallelism } from 'node:os';
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { packageVersion } from '../../app/version.js';
import type { SweepPlan } from '../../app/sweep/planner.js';
import { localRunner } from '../../app/sweep/runner.js';
import { readSweepSpec, type SweepArgs } from '../../app/sweep/sweepOptions.js';
import { planSweep } from '../../app/sweep/planner.js';
import { runSweep } from '../../app/sweep/sweepRun.js';
import { Chart } from '../charts/Chart.js';
import type { ChartSpec } from '../charts/chartPlot.js';
import { compareColor } from '../charts/colors.js';
import { ScreenFrame, type Notice } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import type { ScreenDefinition, ScreenProps } from '../screen.js';
import { PRESET_GRID, applyEvent, bestRows, gridValues, shade, trialRows, type TrialRow } from './sweepModel.js';

type Phase = 'setup' | 'running' | 'done';
const FIELDS = ['eta', 'lambda'] as const;
const STATE_MARK: Record<TrialRow['state'], string> = { queued: '·', running: '▶', done: '✓', failed: '✗' };

function SweepScreen({ ctx }: ScreenProps<undefined>) {
  const { planOptions } = ctx;
  const trainSize = Math.min(3000, planOptions.dataOptions?.trainingSize ?? 3000);
  const validationSize = Math.min(1000, planOptions.dataOptions?.validationSize ?? 1000);
  const epochs = planOptions.presetOverrides?.epochs ?? 5;
  const [grid, setGrid] = useState<Record<(typeof FIELDS)[number], string>>(PRESET_GRID);
  const [field, setField] = useState(0);
  const [phase, setPhase] = useState<Phase>('setup');
  const [rows, setRows] = useState<readonly TrialRow[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = () => {
    let plan: SweepPlan;
    try {
      const args = {
        grid: FIELDS.map((name) => `${name}=${grid[name]}`),
        trainSize: String(trainSize),
        validationSize: String(validationSize),
        epochs: String(epochs),
        jobs: String(availableParallelism()),
        dataDir: planOptions.dataDir,
      } as SweepArgs;
      plan = planSweep(args, readSweepSpec(args));
    } catch (error) {
      setNotice({ text: error instanceof Error ? error.message.split('\n')[0]! : String(error), tone: 'error' });
      return;
    }
    setNotice(undefined);
    setRows(trialRows(plan.trials));
    setPhase('running');
    const abort = new AbortController();
    controller.current = abort;
    const runner = localRunner(plan.spec.jobs, plan.dataDir);
    runSweep(plan, runner, (event) => setRows((current) => applyEvent(current, event)), abort.signal, {
      version: packageVersion(),
    })
      .then(() => !abort.signal.aborted && setPhase('done'))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setNotice({ text: error instanceof Error ? error.message : String(error), tone: 'error' });
        setPhase('done');
      })
      .finally(() => void runner.close());
  };

  const editing = phase === 'setup';
  const bindings: KeyBinding[] = [
    {
      keys: ['up', 'down'],
      label: '↑↓',
      help: 'choose the η or the λ values',
      hint: 'choose',
      unavailable: editing ? undefined : 'the sweep has started',
      run: () => setField((f) => 1 - f),
    },
    {
      keys: ['return'],
      label: 'Enter',
      help: 'start the sweep (every η × λ combination)',
      hint: 'start',
      unavailable: editing ? undefined : 'the sweep has started',
      run: start,
    },
    {
      keys: ['q', 'escape'],
      label: 'q',
      help: 'back to the menu (also Esc); asks first while the sweep runs',
      hint: 'back',
      confirm: phase === 'running' ? 'Abandon the running sweep?' : undefined,
      run: () => {
        controller.current?.abort();
        ctx.nav.back();
      },
    },
  ];
  const onOtherKey = (key: { name?: string; text: string }) => {
    if (!editing) return false;
    const name = FIELDS[field]!;
    if (key.name === 'backspace' || key.name === 'delete') {
      setGrid((g) => ({ ...g, [name]: g[name].slice(0, -1) }));
      return true;
    }
    if (/^[0-9.,e-]$/.test(key.text)) {
      setGrid((g) => ({ ...g, [name]: g[name] + key.text }));
      return true;
    }
    return false;
  };
  const finished = rows.filter((r) => r.state === 'done' || r.state === 'failed').length;
  const status = editing ? 'set up' : phase === 'running' ? `${finished}/${rows.length} trials` : 'finished';

  return (
    <ScreenFrame
      title="netdash › sweep η × λ"
      status={{ text: status, color: phase === 'done' ? 'green' : undefined }}
      bindings={bindings}
      notice={notice}
      onOtherKey={onOtherKey}
      helpNotes={[
        { label: '', text: 'Reading the screen', heading: true },
        { label: '', text: 'The grid shades each η × λ cell by its best held-out accuracy: █ best … ░ worst, · not yet.' },
      ]}
    >
      {({ width, height }) =>
        editing ? (
          <Setup grid={grid} field={field} trainSize={trainSize} validationSize={validationSize} epochs={epochs} />
        ) : (
          <Live rows={rows} grid={grid} width={width} height={height} />
        )
      }
    </ScreenFrame>
  );
}

function Setup(props: {
  grid: Record<string, string>;
  field: number;
  trainSize: number;
  validationSize: number;
  epochs: number;
}) {
  return (
    <>
      <Text wrap="wrap">
        {`A grid search on ${props.trainSize} training and ${props.validationSize} held-out images, ${props.epochs} epochs each. Type the values (comma-separated), Enter starts.`}
      </Text>
      <Text> </Text>
      {FIELDS.map((name, i) => (
        <Text key={name} color={i === props.field ? 'cyan' : undefined} wrap="truncate">
          {i === props.field ? '❯ ' : '  '}
          {name === 'eta' ? 'η (eta)    ' : 'λ (lambda) '}
          {props.grid[name]}
          {i === props.field ? '▏' : ''}
        </Text>
      ))}
    </>
  );
}

function Live({
  rows,
  grid,
  width,
  height,
}: {
  rows: readonly TrialRow[];
  grid: Record<string, string>;
  width: number;
  height: number;
}) {
  const tableHeight = Math.min(rows.length + 1, Math.max(4, Math.floor(height / 2)));
  const shown = rows
    .filter((r) => r.state === 'running')
    .concat(rows.filter((r) => r.state !== 'running'))
    .slice(0, tableHeight - 1);
  const etas = gridValues(grid.eta ?? '');
  const lambdas = gridValues(grid.lambda ?? '');
  const bests = rows.map((r) => r.best).filter((b): b is number => b !== undefined && Number.isFinite(b));
  const low = Math.min(...bests);
  const high = Math.max(...bests);
  const cell = (eta: string, lambda: string) =>
    rows.find((r) => Number(r.eta) === Number(eta) && Number(r.lambda) === Number(lambda));
  const top = bestRows(rows, 3);
  const spec: ChartSpec = {
    key: 'sweep-best',
    title: 'held-out accuracy of the best trials',
    unit: '%',
    origin: 1,
    series: top.map((r, i) => ({
      key: r.key,
      label: `η=${r.eta} λ=${r.lambda}`,
      color: compareColor(i),
      values: r.accuracy,
      showStats: false,
    })),
    emptyNote: 'curves appear after the first epoch',
  };
  const tableWidth = Math.min(40, Math.floor(width / 2));
  return (
    <>
      <Box height={tableHeight}>
        <Box flexDirection="column" width={tableWidth}>
          <Text bold wrap="truncate">
            {'  #  η      λ      best'}
          </Text>
          {shown.map((r) => (
            <Text key={r.key} wrap="truncate" color={r.state === 'running' ? 'cyan' : undefined}>
              {`${STATE_MARK[r.state]} ${String(r.trial).padStart(2)} ${r.eta.padEnd(6)} ${r.lambda.padEnd(6)} ${r.best === undefined ? '   -' : `${r.best.toFixed(2)}%`}`}
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" width={width - tableWidth}>
          <Text bold wrap="truncate">{`η\\λ   ${lambdas.map((l) => l.padEnd(5)).join(' ')}`}</Text>
          {etas.slice(0, tableHeight - 1).map((eta) => (
            <Text key={eta} wrap="truncate">
              {`${eta.padEnd(5)} ${lambdas.map((l) => shade(cell(eta, l)?.best, low, high).repeat(5)).join(' ')}`}
            </Text>
          ))}
        </Box>
      </Box>
      <Chart spec={spec} width={width} height={Math.max(4, height - tableHeight)} />
    </>
  );
}

export const sweepScreen: ScreenDefinition<undefined> = { id: 'sweep', Component: SweepScreen };
