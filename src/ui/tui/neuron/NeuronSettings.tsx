// The neuron demo's settings: each starting point's cost, w, b and η, and the epochs. ↑↓ choose a
// run, Tab moves along its values, ←→ change the cost, typing edits a number, Enter starts.
import { Text } from 'ink';
import { useMemo, useState } from 'react';
import type { Experiment } from '../../../core/experiments.js';
import { ScreenFrame } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import { route, type ScreenDefinition, type ScreenProps } from '../screen.js';
import { neuronScreen } from './NeuronView.js';
import { COLUMN_TITLES, NEURON_COLUMNS, cycleCost, neuronForm, parseNeuronForm, type NeuronForm } from './neuronForm.js';

const TYPEABLE = /^[0-9.eE+-]$/;

interface Cursor {
  /** A run's row, or rows.length for the epochs. */
  row: number;
  column: number;
  editing: boolean;
}

function NeuronSettings({ params, ctx }: ScreenProps<{ experiment: Experiment }>) {
  const { experiment } = params;
  const initial = useMemo(() => neuronForm(experiment.neuron ?? []), [experiment]);
  const [form, setForm] = useState<NeuronForm>(initial);
  const [cursor, setCursor] = useState<Cursor>({ row: 0, column: 0, editing: false });
  const parsed = useMemo(() => parseNeuronForm(form), [form]);
  const runs = form.rows.length;
  const onEpochs = cursor.row === runs;
  const column = NEURON_COLUMNS[cursor.column]!;

  const editText = (change: (text: string) => string) => {
    if (onEpochs) setForm((f) => ({ ...f, epochs: change(f.epochs) }));
    else if (column !== 'cost') {
      setForm((f) => ({
        ...f,
        rows: f.rows.map((row, i) => (i === cursor.row ? { ...row, [column]: change(row[column]) } : row)),
      }));
    }
  };
  const move = (rows: number, columns: number) =>
    setCursor((c) => ({
      row: Math.min(runs, Math.max(0, c.row + rows)),
      column: (c.column + columns + NEURON_COLUMNS.length) % NEURON_COLUMNS.length,
      editing: false,
    }));

  const bindings: KeyBinding[] = [
    {
      keys: ['up', 'down'],
      label: '↑↓',
      help: 'choose a run, or the epochs below them',
      hint: 'run',
      run: (k) => move(k.name === 'up' ? -1 : 1, 0),
    },
    {
      keys: ['tab', 'S-tab'],
      label: 'Tab',
      help: 'next / previous value of the run (cost, w, b, η)',
      hint: 'value',
      unavailable: onEpochs ? 'the epochs are one value for all runs' : undefined,
      run: (k) => move(0, k.shift ? -1 : 1),
    },
    {
      keys: ['left', 'right', 'space'],
      label: '←→',
      help: 'change the cost (quadratic / cross-entropy)',
      unavailable: onEpochs || column !== 'cost' ? 'type a number here (digits, . - e)' : undefined,
      run: (k) =>
        setForm((f) => ({
          ...f,
          rows: f.rows.map((row, i) => (i === cursor.row ? cycleCost(row, k.name === 'left' ? -1 : 1) : row)),
        })),
    },
    {
      keys: ['backspace', 'delete'],
      label: 'Backspace',
      help: 'delete the last character of a number',
      run: () => {
        editText((text) => text.slice(0, -1));
        setCursor((c) => ({ ...c, editing: true }));
      },
    },
    { keys: ['d'], label: 'd', help: "back to the book's values", run: () => setForm(initial) },
    {
      keys: ['return'],
      label: 'Enter',
      help: 'start the demo (once there are no problems)',
      hint: 'start',
      unavailable: parsed.configs ? undefined : 'fix the problems first',
      run: () => parsed.configs && ctx.nav.replace(route(neuronScreen, { experiment, runs: parsed.configs })),
    },
    { keys: ['q', 'escape'], label: 'q', help: 'back to the menu (also Esc)', hint: 'back', run: () => ctx.nav.back() },
  ];

  return (
    <ScreenFrame
      title={`netdash › ${experiment.title} · settings`}
      bindings={bindings}
      onOtherKey={(k) => {
        if (!TYPEABLE.test(k.text) || k.ctrl || k.meta || (!onEpochs && column === 'cost')) return false;
        editText((text) => (cursor.editing ? text + k.text : k.text));
        setCursor((c) => ({ ...c, editing: true }));
        return true;
      }}
    >
      {() => (
        <>
          <Text dimColor wrap="wrap">
            {experiment.description}
          </Text>
          <Text> </Text>
          <Text
            bold
          >{`  ${'run'.padEnd(6)}${NEURON_COLUMNS.map((c) => COLUMN_TITLES[c].padEnd(c === 'cost' ? 16 : 10)).join('')}`}</Text>
          {form.rows.map((row, r) => (
            <Text key={r} wrap="truncate">
              {cursor.row === r ? '❯ ' : '  '}
              {String(r + 1).padEnd(6)}
              {NEURON_COLUMNS.map((c, index) => {
                const selected = cursor.row === r && cursor.column === index;
                return (
                  <Text key={c} color={selected ? 'cyan' : undefined} inverse={selected && !cursor.editing} bold={selected}>
                    {(row[c] + (selected && cursor.editing ? '▏' : '')).padEnd(c === 'cost' ? 16 : 10)}
                  </Text>
                );
              })}
            </Text>
          ))}
          <Text wrap="truncate">
            {onEpochs ? '❯ ' : '  '}
            {'epochs (all runs)  '}
            <Text color={onEpochs ? 'cyan' : undefined} inverse={onEpochs && !cursor.editing} bold={onEpochs}>
              {form.epochs + (onEpochs && cursor.editing ? '▏' : '')}
            </Text>
          </Text>
          <Text> </Text>
          {parsed.problems.map((problem) => (
            <Text key={problem} color="red" wrap="wrap">
              {problem}
            </Text>
          ))}
          {parsed.configs && <Text color="green">ready: Enter starts the replay</Text>}
          <Text dimColor wrap="wrap">
            The book uses η = 0.15 for the quadratic cost and 0.005 for cross-entropy: compare the shapes of the curves, not their
            speeds.
          </Text>
        </>
      )}
    </ScreenFrame>
  );
}

export const neuronSettingsScreen: ScreenDefinition<{ experiment: Experiment }> = {
  id: 'neuron-settings',
  Component: NeuronSettings,
};
