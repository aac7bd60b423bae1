// The report as Markdown: printed on stdout and written as reproduce.md.
import type { Summary } from '../../core/analysis/statistics.js';
import { MISSING, count, duration, fixed, percent, plural, points, signed } from '../app/format.js';
import type { Report, ReportRow, RowGap, RunSummary, Unit } from './report.js';

export const TABLE_COLUMNS = [
  'experiment',
  'book',
  'ours: best epoch (mean ± sd)',
  'ours: final (mean ± sd)',
  'difference',
  "largest gap to the book's curve",
  'verdict',
] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** "95.62 ± 0.11%" (accuracy) or "0.352 ± 0.004" (cost); one value: "95.62% (1 seed)". */
export function meanSd(summary: Summary, unit: Unit): string {
  if (summary.n === 0) return MISSING;
  const oneSeed = summary.n === 1 ? ' (1 seed)' : '';
  if (unit === 'accuracy') {
    if (!Number.isFinite(summary.sd)) return `${percent(summary.mean)}${oneSeed}`;
    return `${fixed(summary.mean * 100, 2)} ± ${percent(summary.sd)}`;
  }
  if (!Number.isFinite(summary.sd)) return `${fixed(summary.mean)}${oneSeed}`;
  return `${fixed(summary.mean)} ± ${fixed(summary.sd)}`;
}

function oursText(row: ReportRow, pick: (run: RunSummary) => RunSummary['best']): string {
  if (row.runs.length === 1) return meanSd(pick(row.runs[0]!), row.runs[0]!.unit);
  return row.runs.map((run) => `${run.label}: ${meanSd(pick(run), run.unit)}`).join('; ');
}

export function gapText(gap: RowGap | undefined): string {
  if (!gap) return MISSING;
  const size = gap.unit === 'accuracy' ? points(gap.gap.gap) : signed(gap.gap.gap);
  const where = gap.axis === 'epoch' ? `epoch ${gap.gap.at}` : `N = ${count(gap.gap.at)}`;
  return `${size} at ${where}${gap.axis === 'epoch' && gap.label ? ` (${gap.label})` : ''}`;
}

export function verdictCell(row: ReportRow): string {
  switch (row.verdict.status) {
    case 'pass':
      return 'pass';
    case 'miss':
      return `MISS: ${row.verdict.summary}`;
    case 'none':
      return `${MISSING} (no book figure)`;
  }
}

export function rowName(row: ReportRow): string {
  return row.run && row.rule !== 'slowdown' ? `${row.experiment} (${row.run})` : row.experiment;
}

export function markdownTable(rows: readonly ReportRow[]): string {
  const lines = [`| ${TABLE_COLUMNS.join(' | ')} |`, `|${TABLE_COLUMNS.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const cells = [
      rowName(row),
      row.bookFigure,
      row.display?.best ?? oursText(row, (run) => run.best),
      row.display?.final ?? oursText(row, (run) => run.final),
      points(row.difference),
      gapText(row.largestGap),
      verdictCell(row),
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function markdownReport(report: Report): string {
  const parts: string[] = ['# netdash reproduce: chapter 3 against the book', ''];
  if (report.quickNote) parts.push(`> **${report.quickNote}**`, '');
  const seeds = `seeds: ${report.seedsPerRun} per run`;
  parts.push(
    `${seeds}, seed k = the preset's seed + k · engine: ${report.engines.join(', ') || MISSING} · ` +
      `${plural(report.jobs, 'parallel run')} · ${duration(report.seconds)} in all · ` +
      `${report.passed} pass, ${report.missed} miss`,
    '',
    markdownTable(report.rows),
    '',
  );
  const notes = [...report.notes, ...report.rows.flatMap((row) => row.notes.map((note) => `${rowName(row)}: ${note}`))];
  if (notes.length > 0) parts.push('Notes:', '', ...notes.map((note) => `- ${note}`), '');
  parts.push('Checks:', '');
  for (const row of report.rows) {
    for (const check of row.verdict.checks) {
      parts.push(`- ${rowName(row)}: ${check.ok ? 'holds' : 'FAILS'}: ${check.rule} (${check.detail})`);
    }
  }
  parts.push('');
  return parts.join('\n');
}
