// Raw terminal input → keypresses, as pure functions. A read from a terminal can hold many keys
// (fast typing, key repeat, a paste, a busy machine): every key in it must act, in order, with
// escape sequences kept whole. Ink 6 hands such a chunk to `useInput` as one input (ink PR #782),
// so netdash splits it here, the way Node's readline.emitKeypressEvents does.

export interface Key {
  /** 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape',
   * 'backspace', 'delete', 'tab', 'space', a letter for Ctrl+letter, or the character typed. */
  name: string;
  /** The text the key types ('' for control keys). */
  text: string;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
  /** The raw bytes. */
  sequence: string;
}

const ESC = '\u001B';

const isFinal = (code: number) => code >= 0x40 && code <= 0x7e;
const isParameter = (code: number) => code >= 0x20 && code <= 0x3f;

/** Length of the escape sequence starting at `start` (which holds ESC). */
function escapeLength(text: string, start: number): number {
  const next = text[start + 1];
  if (next === undefined) return 1;
  if (next === '[') {
    let i = start + 2;
    // Legacy function keys: ESC [ [ A.
    if (text[i] === '[') i++;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isFinal(code) && !(code === 0x5b && i === start + 2)) return i - start + 1;
      if (!isParameter(code)) return i - start;
    }
    return text.length - start;
  }
  if (next === 'O') return Math.min(3, text.length - start);
  if (next === ESC) {
    // ESC ESC [ A: Alt + an arrow; ESC ESC alone: two escapes.
    const inner = text[start + 2] === '[' || text[start + 2] === 'O' ? escapeLength(text, start + 1) : 0;
    return inner > 0 ? 1 + inner : 1;
  }
  // Esc then a character: two keys. netdash binds no Alt keys, and in a burst (Esc q) the user
  // meant both; Alt + a character would arrive the same way.
  return 1;
}

/** The raw sequences of each key in a chunk, in order. */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === ESC) {
      const length = escapeLength(chunk, i);
      keys.push(chunk.slice(i, i + length));
      i += length;
    } else if (chunk[i] === '\r' && chunk[i + 1] === '\n') {
      keys.push('\r\n');
      i += 2;
    } else {
      const code = chunk.codePointAt(i)!;
      const length = code > 0xffff ? 2 : 1;
      keys.push(chunk.slice(i, i + length));
      i += length;
    }
  }
  return keys;
}

const CSI_NAMES: Readonly<Record<string, string>> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  E: 'clear',
  Z: 'tab',
  '1~': 'home',
  '2~': 'insert',
  '3~': 'delete',
  '4~': 'end',
  '5~': 'pageup',
  '6~': 'pagedown',
  '7~': 'home',
  '8~': 'end',
};

function key(name: string, sequence: string, change: Partial<Key> = {}): Key {
  return { name, text: '', ctrl: false, shift: false, meta: false, sequence, ...change };
}

/** What one key's sequence means. */
export function parseKey(sequence: string): Key {
  if (sequence === '\r' || sequence === '\n' || sequence === '\r\n') return key('return', sequence);
  if (sequence === '\t') return key('tab', sequence);
  if (sequence === '\u007F' || sequence === '\b') return key('backspace', sequence);
  if (sequence === ESC || sequence === ESC + ESC) return key('escape', sequence);
  if (sequence === ' ') return key('space', sequence, { text: ' ' });
  if (sequence.startsWith(ESC)) {
    // eslint-disable-next-line no-control-regex -- escape sequences start with ESC
    const csi = /^\u001B{1,2}(?:\[\[?|O)([\d;]*)([A-Za-z~])$/.exec(sequence);
    if (csi) {
      const [, params = '', final = ''] = csi;
      const parts = params.split(';');
      const code = final === '~' ? `${parts[0]}~` : final;
      const modifier = Number(parts[1] ?? 1) - 1;
      return key(CSI_NAMES[code] ?? `unknown:${code}`, sequence, {
        shift: final === 'Z' || (modifier & 1) !== 0,
        meta: sequence.startsWith(ESC + ESC) || (modifier & 2) !== 0,
        ctrl: (modifier & 4) !== 0,
      });
    }
    const inner = parseKey(sequence.slice(1));
    return { ...inner, meta: true, text: '', sequence };
  }
  const code = sequence.codePointAt(0)!;
  if (code < 0x20) return key(String.fromCharCode(code + 0x60), sequence, { ctrl: true });
  return key(sequence, sequence, { text: sequence, shift: /^[A-Z]$/.test(sequence) });
}

/** Every key of a chunk read from the terminal. */
export function keysOf(chunk: string): Key[] {
  return splitKeys(chunk).map(parseKey);
}

/** The name a key map binds: 'q', '?', 'up', 'S-right', 'C-c', 'return'. */
export function keyId(pressed: Key): string {
  const named = pressed.text !== '' && pressed.name !== 'space' ? pressed.text : pressed.name;
  const prefix = `${pressed.ctrl ? 'C-' : ''}${pressed.meta ? 'M-' : ''}`;
  // Shift is part of a typed character already ('A', '?'); it is a modifier only on named keys.
  const shift = pressed.shift && pressed.text === '' ? 'S-' : '';
  return `${prefix}${shift}${named}`;
}
