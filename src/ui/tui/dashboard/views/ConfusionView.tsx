// Views 7 and 0: the held-out set's confusion matrix (rows: true digit, columns: what the network
// read; recall at the end of each row, precision under each column, the most confused pairs in
// words) and each digit's accuracy as a bar. Both from the latest epoch's held-out evaluation.
import { Box, Text } from 'ink';
import { mostConfused } from '../../../../core/analysis/confusion.js';
import { drawConfusion, pairText } from '../../../app/confusionTable.js';
import { bar } from '../../../app/digitArt.js';
import { count, percent } from '../../../app/format.js';
import { useColor } from '../../charts/colors.js';
import { artMode } from '../inspect.js';
import { captionOf, useConfusion, Waiting } from './inspectCommon.js';
import type { DashboardView, ViewProps } from './view.js';

/** As many "4 read as 9: 23" as fit in `width` after the lead. */
export function pairsLine(pairs: readonly string[], width: number, lead = 'most confused: '): string {
  if (pairs.length === 0) return `${lead}none`;
  let line = lead;
  for (const [i, pair] of pairs.entries()) {
    const next = i === 0 ? `${line}${pair}` : `${line} · ${pair}`;
    if (next.length > width) break;
    line = next;
  }
  return line;
}

function ConfusionBody({ state, width, height }: ViewProps) {
  const color = useColor();
  const confusion = useConfusion(state.inspect);
  if (!confusion) return <Waiting state={state} />;
  const table = drawConfusion(confusion.matrix, artMode(color));
  const pairs = pairsLine(mostConfused(confusion.matrix, 8).map(pairText), width);
  // Short terminals lose the caption first, then the pairs; the table's rows stay.
  const lines = [...(height >= table.length + 2 ? [captionOf(state, confusion)] : []), ...table];
  if (height > lines.length) lines.push(pairs);
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(0, height).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}

export const CONFUSION_VIEW: DashboardView = {
  id: 'confusion',
  key: '7',
  name: 'confusion',
  help: 'confusion matrix of the held-out set (rows: true digit), recall, precision, the most confused pairs',
  Body: ConfusionBody,
};

function DigitBarsBody({ state, width, height }: ViewProps) {
  const confusion = useConfusion(state.inspect);
  if (!confusion) return <Waiting state={state} />;
  const worst = confusion.scores.reduce((a, b) => (b.recall < a.recall ? b : a));
  const barWidth = Math.max(10, Math.min(50, width - 40));
  const lines = confusion.scores.map(({ digit, recall, correct, count: n }) => {
    const mark = digit === worst.digit ? ' ◀ weakest' : '';
    return `${digit}  ${bar(recall, barWidth)} ${percent(recall).padStart(7)}  ${count(correct)} of ${count(n)}${mark}`;
  });
  const caption = `accuracy per digit · ${captionOf(state, confusion)}`;
  return (
    <Box flexDirection="column" height={height}>
      {height > lines.length ? <Text wrap="truncate">{caption}</Text> : null}
      {lines.slice(0, height).map((line, i) => (
        <Text key={i} wrap="truncate" color={i === worst.digit ? 'yellow' : undefined}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

export const DIGIT_BARS_VIEW: DashboardView = {
  id: 'digits',
  key: '0',
  name: 'per digit',
  help: "each digit's held-out accuracy (recall) as a bar; the weakest marked",
  Body: DigitBarsBody,
};
