// The frame every screen is drawn in: a header (title, and a status on the right), the screen's
// own lines, its body (given the height left), a notice line and the footer of keys. It owns what
// all screens share: the keys (through the key layer), the `?` help built from the screen's key map,
// Esc closing an overlay before it leaves, a brief word for keys that do nothing, and confirmations.
import { Box, Text } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import { useKeys } from '../input/KeyLayer.js';
import {
  bindingFor,
  footerHints,
  footerLines,
  helpLines,
  helpRows,
  keyLabel,
  type HelpLine,
  type HelpRow,
  type KeyBinding,
} from '../input/keyMap.js';
import { keyId, type Key } from '../input/keys.js';
import { useTerminalSize } from '../useTerminalSize.js';

export interface Notice {
  text: string;
  tone: 'info' | 'error';
}

export interface ScreenFrameProps {
  title: string;
  status?: { text: string; color?: string };
  bindings: readonly KeyBinding[];
  /** Extra help lines below the keys (how to read the screen). */
  helpNotes?: readonly HelpRow[];
  /** A notice of the screen's own (saved file, η halved…). */
  notice?: Notice;
  /** Lines between the header and the body, and how many terminal lines they take. */
  top?: ReactNode;
  topLines?: number;
  /** Keys without a binding (typing into a field): return true when the key was used. */
  onOtherKey?: (key: Key) => boolean;
  /** The body, drawn in the box left between the top lines and the notice line. */
  children: (box: { width: number; height: number }) => ReactNode;
}

/** How long a key's notice ("x does nothing here") stays. */
const KEY_NOTICE_MS = 4000;

/** The usable width: off the last column, where some terminals wrap a full line. */
export function frameWidth(columns: number): number {
  return Math.max(20, columns - 1);
}

export function ScreenFrame(props: ScreenFrameProps) {
  const { title, status, bindings, helpNotes, notice, top, topLines = 0, onOtherKey, children } = props;
  const { columns, rows } = useTerminalSize();
  const width = frameWidth(columns);
  const [help, setHelp] = useState<{ open: boolean; offset: number }>({ open: false, offset: 0 });
  const [asking, setAsking] = useState<KeyBinding>();
  const [keyNotice, setKeyNotice] = useState<Notice>();

  useEffect(() => {
    if (!keyNotice) return;
    const timer = setTimeout(() => setKeyNotice(undefined), KEY_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [keyNotice]);

  const hints = footerHints(bindings);
  const footer = footerLines(hints, width);
  // Header, top lines, notice line, footer; and one line spare: a live area as tall as the
  // terminal makes Ink clear the whole screen on every frame.
  const bodyHeight = Math.max(3, rows - 1 - 1 - topLines - 1 - footer.length);
  const helpView = helpLines(helpRows(bindings, helpNotes), width);
  const maxHelpOffset = Math.max(0, helpView.lines.length - bodyHeight + 1);

  useKeys((key) => {
    const id = keyId(key);
    if (asking) {
      setAsking(undefined);
      if (id === 'y' || id === 'Y' || id === 'return') asking.run(key);
      else setKeyNotice({ text: 'cancelled', tone: 'info' });
      return;
    }
    if (help.open) {
      if (id === '?' || id === 'escape' || id === 'q') return setHelp({ open: false, offset: 0 });
      const step = { up: -1, down: 1, pageup: -bodyHeight, pagedown: bodyHeight }[id];
      if (step !== undefined) {
        return setHelp((h) => ({ ...h, offset: Math.min(maxHelpOffset, Math.max(0, h.offset + step)) }));
      }
    } else if (id === '?') return setHelp({ open: true, offset: 0 });
    const binding = bindingFor(bindings, key);
    if (!binding) {
      if (onOtherKey?.(key)) return;
      setKeyNotice({ text: `${keyLabel(key)} does nothing here · ? lists the keys`, tone: 'info' });
    } else if (binding.unavailable) setKeyNotice({ text: `${binding.label}: ${binding.unavailable}`, tone: 'info' });
    else if (binding.confirm) setAsking(binding);
    else binding.run(key);
  });

  const shownNotice: Notice | undefined = asking
    ? { text: `${asking.confirm} y / Enter: yes · any other key: no`, tone: 'error' }
    : (keyNotice ?? notice);

  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Box flexShrink={1}>
          <Text wrap="truncate" bold>
            {title}
          </Text>
        </Box>
        {status && (
          <Box flexShrink={0}>
            <Text color={status.color} bold>{` ${status.text}`}</Text>
          </Box>
        )}
      </Box>
      {top}
      {help.open ? (
        <HelpOverlay
          lines={helpView.lines}
          labelWidth={helpView.labelWidth}
          offset={Math.min(help.offset, maxHelpOffset)}
          height={bodyHeight}
          width={width}
        />
      ) : (
        <Box height={bodyHeight} flexDirection="column" overflow="hidden">
          {children({ width, height: bodyHeight })}
        </Box>
      )}
      <Text wrap="truncate" color={shownNotice?.tone === 'error' ? 'red' : 'yellow'}>
        {shownNotice?.text ?? ' '}
      </Text>
      {footer.map((line, lineIndex) => (
        <Text key={lineIndex} wrap="truncate">
          {line.map((hint, index) => (
            <Text key={hint.key}>
              {index > 0 ? '  ' : ''}
              <Text bold color="cyan">
                {hint.key}
              </Text>{' '}
              {hint.active ? (
                <Text color="yellow" bold>
                  {`${hint.action}✓`}
                </Text>
              ) : (
                <Text dimColor>{hint.action}</Text>
              )}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}

function HelpOverlay(props: { lines: readonly HelpLine[]; labelWidth: number; offset: number; height: number; width: number }) {
  const { lines, labelWidth, offset, height, width } = props;
  const below = lines.length - offset - height;
  const shown = lines.slice(offset, offset + height - (below > 0 ? 1 : 0));
  return (
    <Box height={height} flexDirection="column" overflow="hidden" width={width}>
      {shown.map((line, index) =>
        line.heading ? (
          <Text key={index} bold wrap="truncate">
            {line.text}
          </Text>
        ) : (
          <Text key={index} wrap="truncate" dimColor={line.dim}>
            {'  '}
            <Text bold color="cyan">
              {line.label.padEnd(labelWidth)}
            </Text>
            {line.text}
          </Text>
        ),
      )}
      {below > 0 && <Text dimColor>{`  ↓ ${below + 1} more lines (↓ / PgDn)`}</Text>}
    </Box>
  );
}
