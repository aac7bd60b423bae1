// The chapter's softmax sliders: z₁…z₄ as sliders, their activations as bars, the sum (always 1)
// and the sharpness c of the exercise (c → ∞ puts all the weight on the largest z).
import { Text } from 'ink';
import { useReducer } from 'react';
import { barLength } from '../charts/chartData.js';
import { ScreenFrame } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import type { ScreenDefinition, ScreenProps } from '../screen.js';
import { INITIAL_SOFTMAX, Z_LIMIT, activations, softmaxReducer } from './softmaxModel.js';

const SUBSCRIPTS = ['₁', '₂', '₃', '₄'];

function SoftmaxExplorer({ ctx }: ScreenProps<undefined>) {
  const [state, dispatch] = useReducer(softmaxReducer, INITIAL_SOFTMAX);
  const bindings: KeyBinding[] = [
    {
      keys: ['up', 'down'],
      label: '↑↓',
      help: 'choose an input z',
      hint: 'choose z',
      run: (k) => dispatch({ type: 'select', direction: k.name === 'up' ? -1 : 1 }),
    },
    {
      keys: ['left', 'right', 'S-left', 'S-right'],
      label: '←→',
      help: 'change z by 0.1 (with Shift by 1)',
      hint: '±0.1 (Shift ±1)',
      run: (k) => dispatch({ type: 'nudge', direction: k.name === 'left' ? -1 : 1, big: k.shift }),
    },
    {
      keys: ['<', '>', ',', '.'],
      label: '< >',
      help: 'sharpness c down / up (also , and .)',
      hint: 'sharpness c',
      run: (k) => dispatch({ type: 'sharpness', direction: k.text === '<' || k.text === ',' ? -1 : 1 }),
    },
    { keys: ['r'], label: 'r', help: "reset to the chapter's sliders", hint: 'reset', run: () => dispatch({ type: 'reset' }) },
    { keys: ['q', 'escape'], label: 'q', help: 'back to the menu (also Esc)', hint: 'back', run: () => ctx.nav.back() },
  ];
  const a = activations(state);
  const sum = a.reduce((total, value) => total + value, 0);

  return (
    <ScreenFrame title="netdash › softmax explorer" bindings={bindings}>
      {({ width }) => {
        const sliderWidth = Math.max(10, Math.floor((width - 24) / 2));
        const barWidth = Math.max(10, width - sliderWidth - 24);
        return (
          <>
            <Text dimColor wrap="wrap">
              a_j = e^(c·z_j) / Σ_k e^(c·z_k): raising one z raises its activation and lowers all the others by the same total.
            </Text>
            <Text> </Text>
            {state.z.map((z, j) => {
              const knob = barLength(z, -Z_LIMIT, Z_LIMIT, sliderWidth - 1);
              const slider = Array.from({ length: sliderWidth }, (_, i) => (i === knob ? '●' : '─')).join('');
              const selected = j === state.selected;
              return (
                <Text key={j} wrap="truncate" color={selected ? 'cyan' : undefined}>
                  {selected ? '❯ ' : '  '}
                  {`z${SUBSCRIPTS[j]} ${z.toFixed(2).padStart(5)} `}
                  {slider}
                  {`  a${SUBSCRIPTS[j]} ${a[j]!.toFixed(4)} `}
                  <Text color="green">{'█'.repeat(barLength(a[j]!, 0, 1, barWidth))}</Text>
                </Text>
              );
            })}
            <Text> </Text>
            <Text wrap="wrap">
              {'sum of the activations: '}
              <Text bold>{sum.toFixed(4)}</Text>
              {'   sharpness c = '}
              <Text bold>{state.c}</Text>
              {state.c === 1 ? ' (the ordinary softmax)' : state.c >= 32 ? ' (close to max: one-hot on the largest z)' : ''}
            </Text>
          </>
        );
      }}
    </ScreenFrame>
  );
}

export const softmaxScreen: ScreenDefinition<undefined> = { id: 'softmax', Component: SoftmaxExplorer };
