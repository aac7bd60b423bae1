// The report as CSV, one line per run of each row (row-level columns repeated).
import { rowName } from './markdown.js';
import type { Report } from './report.js';

export const CSV_COLUMNS = [
  'experiment',
  'row',
  'run',
  'rule',
  'book_figure',
  'book_value',
  'metric',
  'seeds',
  'best_mean',
  'best_sd',
  'final_mean',
  'final_sd',
  'difference',
  'tolerance',
  'largest_gap',
  'largest_gap_at',
  'verdict',
  'verdict_summary',
  'quick',
] as const;

function field(value: string | number | boolean | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvReport(report: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of report.rows) {
    for (const run of row.runs) {
      const values: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> = {
        experiment: row.experiment,
        row: rowName(row),
        run: run.label,
        rule: row.rule,
        book_figure: row.bookFigure,
        book_value: run.bookValue ?? row.bookAccuracy,
        metric: run.metric,
        seeds: run.best.n,
        best_mean: run.best.mean,
        best_sd: run.best.sd,
        final_mean: run.final.mean,
        final_sd: run.final.sd,
        difference: row.difference,
        tolerance: row.tolerance,
        largest_gap: row.largestGap?.gap.gap,
        largest_gap_at: row.largestGap ? `${row.largestGap.axis} ${row.largestGap.gap.at}` : undefined,
        verdict: row.verdict.status,
        verdict_summary: row.verdict.summary,
        quick: report.quick,
      };
      lines.push(CSV_COLUMNS.map((column) => field(values[column])).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
