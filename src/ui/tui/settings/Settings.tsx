// Every option of a run, editable before it starts. Problems (not a number, out of range, sizes
// that do not fit MNIST…) are listed live below the fields; Enter starts only without problems.
// In an experiment with several runs, a field marked `*` shows each run's value; [ ] pick one run
// to edit alone, and an edit in the all-runs scope replaces the value of every run.
import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import type { Experiment } from '../../../core/experiments.js';
import { dashboardScreen } from '../dashboard/Dashboard.js';
import { ScreenFrame } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import { route, type ScreenDefinition, type ScreenProps } from '../screen.js';
import { buildPlan, initialForms } from './runPlan.js';
import { FIELDS, displayValue, fieldSpec, type FormKey } from './settingsForm.js';
import { initialSettings, markedFields, scopeValues, settingsReducer, unifiedFields } from './settingsState.js';

const LABEL_WIDTH = 15;

/** Values that fit `room` characters: all of them, or the first and last with their count. */
export function fitValues(values: readonly string[], room: number): string {
  const all = values.join(' · ');
  if (all.length <= room || values.length < 3) return all;
  return `${values[0]} … ${values[values.length - 1]} (${values.length} runs)`;
}

function Settings({ params, ctx }: ScreenProps<{ experiment: Experiment }>) {
  const { experiment } = params;
  const options = ctx.planOptions;
  const initial = useMemo(() => initialForms(experiment, options), [experiment, options]);
  const [state, dispatch] = useReducer(settingsReducer, initial, initialSettings);
  const result = useMemo(() => buildPlan(experiment, state.initial, state.forms, options), [experiment, state, options]);
  const problemKeys = new Set(result.problems.map((problem) => problem.key));
  const marked = markedFields(state);
  const runs = experiment.runs.length;
  const key = FIELDS[state.selected]!.key;
  const shown = (field: FormKey) => {
    const values = scopeValues(state, field).map((text) => (text === '' ? (fieldSpec(field).blank ?? '') : text));
    return values;
  };

  const bindings: KeyBinding[] = [
    {
      keys: ['up', 'down', 'tab', 'S-tab'],
      label: '↑↓',
      help: 'move between the fields (also Tab / Shift-Tab)',
      hint: 'field',
      run: (k) => dispatch({ type: 'move', by: k.name === 'up' || k.shift ? -1 : 1 }),
    },
    {
      keys: ['left', 'right', 'space'],
      label: '←→',
      help: 'change a choice, a toggle or a whole number (also space)',
      hint: 'change',
      run: (k) => dispatch({ type: 'cycle', direction: k.name === 'left' ? -1 : 1 }),
    },
    {
      keys: ['backspace', 'delete'],
      label: 'Backspace',
      help: 'delete the last character; type digits, . - e to edit a number',
      run: () => dispatch({ type: 'delete' }),
    },
    { keys: ['d'], label: 'd', help: "back to the preset's value of this field", run: () => dispatch({ type: 'reset' }) },
    ...(runs > 1
      ? [
          {
            keys: ['[', ']'],
            label: '[ ]',
            help: 'edit one run alone / all runs at once (fields marked * differ per run)',
            hint: state.scope < 0 ? 'one run' : 'runs',
            run: (k) => dispatch({ type: 'scope', direction: k.text === '[' ? -1 : 1 }),
          } satisfies KeyBinding,
        ]
      : []),
    {
      keys: ['return'],
      label: 'Enter',
      help: 'start training (once there are no problems)',
      hint: 'start',
      run: () => (result.plan ? ctx.nav.replace(route(dashboardScreen, { plan: result.plan })) : dispatch({ type: 'tried' })),
    },
    { keys: ['q', 'escape'], label: 'q', help: 'back to the menu (also Esc)', hint: 'back', run: () => ctx.nav.back() },
  ];

  const scopeText =
    runs < 2
      ? undefined
      : state.scope < 0
        ? `editing all ${runs} runs · [ ] one run alone`
        : `editing run ${state.scope + 1}/${runs} only: ${experiment.runs[state.scope]!.label} · [ ] other runs`;
  const topLines = 2 + (scopeText ? 1 : 0);
  const top = (
    <>
      <Box height={2} overflow="hidden">
        <Text dimColor wrap="wrap">
          {experiment.description}
        </Text>
      </Box>
      {scopeText && (
        <Text color="cyan" wrap="truncate">
          {scopeText}
        </Text>
      )}
    </>
  );

  return (
    <ScreenFrame
      title={`netdash › ${experiment.title} · settings`}
      bindings={bindings}
      top={top}
      topLines={topLines}
      onOtherKey={(k) => {
        if (k.text === '' || k.ctrl || k.meta) return false;
        const kind = fieldSpec(key).kind;
        if (kind === 'choice' || kind === 'toggle' || !/^[0-9.,eE+-]$/.test(k.text)) return false;
        dispatch({ type: 'type', text: k.text });
        return true;
      }}
    >
      {({ width, height }) => {
        const twoColumns = width >= 60;
        const perColumn = twoColumns ? Math.ceil(FIELDS.length / 2) : FIELDS.length;
        const columnWidth = twoColumns ? Math.floor((width - 2) / 2) : width;
        const room = columnWidth - 2 - LABEL_WIDTH - 1;
        const fieldRows = Array.from({ length: perColumn }, (_, row) =>
          twoColumns ? [row, row + perColumn].filter((i) => i < FIELDS.length) : [row],
        );
        const cell = (index: number) => {
          const field = FIELDS[index]!;
          const isSelected = index === state.selected;
          const bad = problemKeys.has(field.key);
          const value = fitValues(shown(field.key), room) + (isSelected && state.editing ? '▏' : '');
          return (
            <Box key={field.key} width={columnWidth}>
              <Text wrap="truncate" color={isSelected ? 'cyan' : undefined}>
                {isSelected ? '❯ ' : '  '}
                {`${field.label}${marked.has(field.key) ? '*' : ' '}`.padEnd(LABEL_WIDTH)}
                <Text
                  color={bad ? 'red' : isSelected ? 'cyan' : undefined}
                  bold={isSelected}
                  inverse={isSelected && !state.editing}
                >
                  {value}
                </Text>
              </Text>
            </Box>
          );
        };
        const notes: { text: string; color?: string }[] = [];
        const values = shown(key);
        if (values.length > 1 && fitValues(values, room) !== values.join(' · ')) {
          notes.push({ text: `${fieldSpec(key).label}: ${values.join(' · ')}` });
        }
        if (marked.has(key) && state.scope < 0 && values.length > 1) {
          notes.push({
            text: `${fieldSpec(key).label} differs per run: typing or ←→ here sets one value for all ${runs}; [ ] edits one run`,
            color: 'yellow',
          });
        }
        for (const unified of unifiedFields(state)) {
          notes.push({
            text: `${fieldSpec(unified).label}: one value for all runs now (${displayValue(state.forms[0]!, unified)}); d restores each run's own`,
            color: 'yellow',
          });
        }
        for (const problem of result.problems) notes.push({ text: problem.text, color: 'red' });
        if (state.tried && result.problems.length > 0) notes.push({ text: 'fix the problems above to start', color: 'yellow' });
        if (result.problems.length === 0 && result.plan) {
          notes.push({
            text:
              runs > 1
                ? `ready: Enter trains ${runs} runs one after the other: ${result.plan.runs.map((run) => run.label).join(' · ')}`
                : 'ready: Enter starts training',
            color: 'green',
          });
        }
        const noteLines = Math.max(1, height - perColumn - 1);
        return (
          <>
            {fieldRows.map((indices, row) => (
              <Box key={row}>{indices.map(cell)}</Box>
            ))}
            <Box flexDirection="column" marginTop={1} height={noteLines} overflow="hidden">
              {notes.map((note, index) => (
                <Text key={index} color={note.color} wrap="wrap">
                  {note.text}
                </Text>
              ))}
            </Box>
          </>
        );
      }}
    </ScreenFrame>
  );
}

export const settingsScreen: ScreenDefinition<{ experiment: Experiment }> = { id: 'settings', Component: Settings };
