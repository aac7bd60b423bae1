// The chapter's softmax sliders: z₁…z₄ as sliders, their activations as bars, the sum (always 1)
// and the sharpness c of the exercise (c → ∞ puts all the weight on the largest z).
import { Box, Text, useInput, useStdin } from 'ink';
import { useReducer } from 'react';
import { barLength } from '../charts/chartData.js';
import { INITIAL_SOFTMAX, Z_LIMIT, activations, softmaxReducer } from './softmaxModel.js';
import { useTerminalSize } from '../useTerminalSize.js';

const SUBSCRIPTS = ['₁', '₂', '₃', '₄'];

export function SoftmaxExplorer({ onBack }: { onBack: () => void }) {
  const [state, dispatch] = useReducer(softmaxReducer, INITIAL_SOFTMAX);
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (input === 'q' || key.escape) onBack();
      else if (key.upArrow) dispatch({ type: 'select', direction: -1 });
      else if (key.downArrow) dispatch({ type: 'select', direction: 1 });
      else if (key.leftArrow) dispatch({ type: 'nudge', direction: -1, big: key.shift });
      else if (key.rightArrow) dispatch({ type: 'nudge', direction: 1, big: key.shift });
      else if (input === '+' || input === '=') dispatch({ type: 'sharpness', direction: 1 });
      else if (input === '-') dispatch({ type: 'sharpness', direction: -1 });
      else if (input === 'r') dispatch({ type: 'reset' });
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const { columns } = useTerminalSize();
  const width = Math.max(40, columns - 1);
  const sliderWidth = Math.max(10, Math.floor((width - 24) / 2));
  const barWidth = Math.max(10, width - sliderWidth - 24);
  const a = activations(state);
  const sum = a.reduce((total, value) => total + value, 0);

  return (
    <Box flexDirection="column" width={width}>
      <Text bold>netdash › softmax explorer</Text>
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
      <Text>
        {'sum of the activations: '}
        <Text bold>{sum.toFixed(4)}</Text>
        {'   sharpness c = '}
        <Text bold>{state.c}</Text>
        {state.c === 1 ? ' (the ordinary softmax)' : state.c >= 32 ? ' (close to max: one-hot on the largest z)' : ''}
      </Text>
      <Text> </Text>
      <Text dimColor wrap="truncate">
        ↑↓ choose z · ←→ change by 0.1 (Shift: 1) · + / - sharpness c · r reset · q back
      </Text>
    </Box>
  );
}
