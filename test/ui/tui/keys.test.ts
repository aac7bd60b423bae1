import { describe, expect, it } from 'vitest';
import { keyId, keysOf, parseKey, splitKeys } from '../../../src/ui/tui/input/keys.js';

const DOWN = '\u001B[B';

describe('splitKeys: a chunk read from the terminal, key by key', () => {
  it('splits typed text into characters and keeps escape sequences whole', () => {
    expect(splitKeys('12')).toEqual(['1', '2']);
    expect(splitKeys(DOWN + DOWN + DOWN)).toEqual([DOWN, DOWN, DOWN]);
    expect(splitKeys(`a${DOWN}\r\u007F\u007F0.5`)).toEqual(['a', DOWN, '\r', '\u007F', '\u007F', '0', '.', '5']);
    expect(splitKeys('\u001B[1;2C\u001B[5~\u001BOA')).toEqual(['\u001B[1;2C', '\u001B[5~', '\u001BOA']);
  });

  it('keeps a lone Esc (also before a key: Esc q), Alt + an arrow, CRLF and characters outside the BMP', () => {
    expect(splitKeys('\u001B')).toEqual(['\u001B']);
    expect(splitKeys('\u001Bq1')).toEqual(['\u001B', 'q', '1']);
    expect(splitKeys(`\u001B${DOWN}q`)).toEqual([`\u001B${DOWN}`, 'q']);
    expect(splitKeys('\r\nq')).toEqual(['\r\n', 'q']);
    expect(splitKeys('😀q')).toEqual(['😀', 'q']);
  });
});

describe('parseKey and keyId', () => {
  it('names the keys a key map binds', () => {
    const ids = keysOf(
      `q?A ${DOWN}\u001B[A\u001B[C\u001B[D\r\t\u001B[Z\u007F\u001B\u0003\u001B[1;2C\u001B[H\u001B[F\u001B[5~\u001B[6~\u001B[3~`,
    ).map(keyId);
    expect(ids).toEqual([
      'q',
      '?',
      'A',
      'space',
      'down',
      'up',
      'right',
      'left',
      'return',
      'tab',
      'S-tab',
      'backspace',
      'escape',
      'C-c',
      'S-right',
      'home',
      'end',
      'pageup',
      'pagedown',
      'delete',
    ]);
  });

  it('types printable characters and nothing for control keys', () => {
    expect(parseKey('5').text).toBe('5');
    expect(parseKey(' ').text).toBe(' ');
    expect(parseKey(DOWN).text).toBe('');
    expect(parseKey('\u001B\u001B[A')).toMatchObject({ name: 'up', meta: true, text: '' });
    expect(parseKey('\u0003')).toMatchObject({ name: 'c', ctrl: true });
  });
});
