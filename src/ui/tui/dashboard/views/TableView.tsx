// View 5: every epoch's numbers as a table, as Keras prints them, newest at the bottom; ↑↓ PgUp
// PgDn scroll, End follows the newest again.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { percent, plain, seconds, short } from '../../../app/format.js';
import type { DashboardState } from '../dashboardReducer.js';
import type { DashboardView, ViewProps } from './view.js';

export interface TableRow {
  run: string;
  epoch: number;
  cells: string[];
}

/** The rows of every run so far (the current run last), and the column titles. */
export function epochTable(state: DashboardState): { titles: string[]; rows: TableRow[] } {
  const set = state.heldOut === 'test' ? 'test' : 'val';
  const titles = ['epoch', 'η', 'train cost', 'train acc', `${set} cost`, `${set} acc`, 'seconds'];
  const rows: TableRow[] = [];
  state.runs.slice(0, state.current + 1).forEach((run) => {
    const { series } = run;
    const epochs = Math.max(series.validationAccuracy.length, series.trainingCost.length, run.etas.length);
    for (let i = 0; i < epochs; i++) {
      rows.push({
        run: run.label,
        epoch: i + 1,
        cells: [
          String(i + 1),
          plain(run.etas[i]),
          short(series.trainingCost[i]),
          percent(series.trainingAccuracy[i]),
          short(series.validationCost[i]),
          percent(series.validationAccuracy[i]),
          seconds(run.seconds[i]),
        ],
      });
    }
  });
  return { titles, rows };
}

const WIDTHS = [6, 8, 11, 10, 11, 10, 8];

function TableBody({ state, width, height }: ViewProps) {
  const table = useMemo(() => epochTable(state), [state]);
  const several = state.runs.length > 1;
  const runWidth = several ? Math.max(8, Math.min(24, width - WIDTHS.reduce((a, b) => a + b, 0) - 1)) : 0;
  const line = (run: string, cells: readonly string[]) =>
    (several ? run.slice(0, runWidth - 1).padEnd(runWidth) : '') + cells.map((cell, i) => cell.padStart(WIDTHS[i]!)).join('');
  const visible = Math.max(1, height - 2);
  const maxScroll = Math.max(0, table.rows.length - visible);
  const scroll = Math.min(state.scroll, maxScroll);
  const end = table.rows.length - scroll;
  const shown = table.rows.slice(Math.max(0, end - visible), end);
  const first = Math.max(0, end - visible) + 1;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">
        {line('run', table.titles)}
      </Text>
      {table.rows.length === 0 ? (
        <Text dimColor>no epoch has finished yet</Text>
      ) : (
        shown.map((row) => (
          <Text key={`${row.run}-${row.epoch}`} wrap="truncate">
            {line(row.run, row.cells)}
          </Text>
        ))
      )}
      <Text dimColor wrap="truncate">
        {table.rows.length === 0
          ? ' '
          : `rows ${first}–${end} of ${table.rows.length}${scroll > 0 ? ' · End: follow the newest' : ' · following the newest'} · ↑↓ PgUp PgDn scroll`}
      </Text>
    </Box>
  );
}

export const TABLE_VIEW: DashboardView = {
  id: 'table',
  key: '5',
  name: 'epochs table',
  help: "every epoch's numbers, as Keras prints them (↑↓ PgUp PgDn Home End scroll)",
  scrollable: true,
  Body: TableBody,
};
