// Legend lines of a chart: its title, then a coloured swatch and text per series.
import { Text } from 'ink';
import { INK_COLOR } from './colors.js';
import { swatch, type LegendItem } from './chartPlot.js';

export function Legend({ lines }: { lines: readonly LegendItem[][] }) {
  return (
    <>
      {lines.map((line, lineIndex) => (
        <Text key={lineIndex} wrap="truncate">
          {line.map((item, index) => (
            <Text key={index}>
              {index > 0 ? '  ' : ''}
              {item.color ? (
                <>
                  <Text color={INK_COLOR[item.color]}>{swatch(item.style)}</Text>
                  {item.text}
                </>
              ) : (
                <Text bold>{item.text}</Text>
              )}
            </Text>
          ))}
        </Text>
      ))}
    </>
  );
}
