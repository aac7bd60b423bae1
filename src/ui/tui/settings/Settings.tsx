// Every option of a run, editable before it starts. Problems (not a number, out of range, sizes
// that do not fit MNIST…) are listed live below the fields; Enter starts only without problems.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { Experiment } from '../../../core/experiments.js';
import { buildPlan, fieldsVaryingAcrossRuns, initialForm, type PlanOptions, type RunPlan } from './runPlan.js';
import { FIELDS, displayValue, type FormValues } from './settingsForm.js';
import { useSettingsKeys } from '../input/useSettingsKeys.js';
import { useTerminalSize } from '../useTerminalSize.js';

export interface SettingsProps {
  experiment: Experiment;
  options: PlanOptions;
  onStart: (plan: RunPlan) => void;
  onBack: () => void;
}

const LABEL_WIDTH = 14;

export function Settings({ experiment, options, onStart, onBack }: SettingsProps) {
  const initial = useMemo(() => initialForm(experiment, options), [experiment, options]);
  const varying = useMemo(() => new Set(fieldsVaryingAcrossRuns(experiment, options)), [experiment, options]);
  const [form, setForm] = useState<{ values: FormValues; selected: number; editing: boolean }>({
    values: initial,
    selected: 0,
    editing: false,
  });
  const result = useMemo(() => buildPlan(experiment, initial, form.values, options), [experiment, initial, form.values, options]);
  const problemKeys = new Set(result.problems.map((problem) => problem.key));
  const [tried, setTried] = useState(false);

  useSettingsKeys({
    ...form,
    update: (change) => setForm((current) => ({ ...current, ...change })),
    onSubmit: () => {
      if (result.plan) onStart(result.plan);
      else setTried(true);
    },
    onBack,
  });

  const { columns, rows } = useTerminalSize();
  const width = Math.max(40, columns - 1);
  const twoColumns = width >= 60;
  const perColumn = twoColumns ? Math.ceil(FIELDS.length / 2) : FIELDS.length;
  const columnWidth = twoColumns ? Math.floor((width - 2) / 2) : width;
  const fieldRows = Array.from({ length: perColumn }, (_, row) =>
    twoColumns ? [row, row + perColumn].filter((i) => i < FIELDS.length) : [row],
  );
  // Title, description, blank, fields, blank, notes, keys; problems get what is left.
  const problemLines = Math.max(1, rows - 1 - perColumn - 6);

  const cell = (index: number) => {
    const field = FIELDS[index]!;
    const isSelected = index === form.selected;
    const bad = problemKeys.has(field.key);
    const value = displayValue(form.values, field.key) + (isSelected && form.editing ? '▏' : '');
    const marker = varying.has(field.key) ? '*' : ' ';
    return (
      <Box key={field.key} width={columnWidth}>
        <Text wrap="truncate" color={isSelected ? 'cyan' : undefined}>
          {isSelected ? '❯ ' : '  '}
          {`${field.label}${marker}`.padEnd(LABEL_WIDTH)}
          <Text color={bad ? 'red' : isSelected ? 'cyan' : 'white'} bold={isSelected} inverse={isSelected && !form.editing}>
            {value}
          </Text>
        </Text>
      </Box>
    );
  };

  const runs = experiment.runs.length;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">{`netdash › ${experiment.title} · settings`}</Text>
      <Text dimColor wrap="truncate">
        {experiment.description}
      </Text>
      <Text> </Text>
      {fieldRows.map((indices, row) => (
        <Box key={row}>{indices.map(cell)}</Box>
      ))}
      <Text> </Text>
      {result.problems.slice(0, problemLines).map((problem) => (
        <Text key={problem.text} color="red" wrap="truncate">
          {problem.text}
        </Text>
      ))}
      {result.problems.length === 0 && (
        <Text dimColor wrap="truncate">
          {runs > 1
            ? `${runs} runs, one after the other on one chart; * differs per run (a change applies to all)`
            : 'ready: Enter starts training'}
        </Text>
      )}
      {tried && result.problems.length > 0 && (
        <Text color="yellow" wrap="truncate">
          fix the problems above to start
        </Text>
      )}
      <Text dimColor wrap="truncate">
        ↑↓ field · ←→ or space change · type a number · Backspace · Enter start · Esc back
      </Text>
    </Box>
  );
}
