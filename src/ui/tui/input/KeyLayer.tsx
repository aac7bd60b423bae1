// The one key layer: every screen reads keys through it, never through Ink's useInput. It takes
// the raw chunks Ink reads from the terminal (Ink already keeps a split escape sequence together
// across reads), splits each into keypresses (keys.ts) and hands them, one at a time and in order,
// to the handler registered last (the screen on top). React renders a state change later, not
// when it is set, so the next key waits for the commit of what the previous one changed (a tick
// of this layer's own state rides in the same render): `12` switches views twice, three Downs move
// three rows, a paste types whole, and keys after an Enter reach the screen the Enter opened.
import { useStdin } from 'ink';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { keysOf, type Key } from './keys.js';

export type KeyHandler = (key: Key) => void;

interface Registration {
  handler: { current: KeyHandler };
  active: boolean;
}

class KeyRegistry {
  private readonly entries: Registration[] = [];

  add(entry: Registration): () => void {
    this.entries.push(entry);
    return () => {
      const index = this.entries.indexOf(entry);
      if (index >= 0) this.entries.splice(index, 1);
    };
  }

  deliver(key: Key): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (!entry.active) continue;
      entry.handler.current(key);
      return;
    }
  }
}

const KeyContext = createContext<KeyRegistry | undefined>(undefined);

export interface KeyLayerProps {
  children: ReactNode;
  /** Ctrl-C, wherever it arrives in a chunk. */
  onInterrupt: () => void;
}

export function KeyLayer({ children, onInterrupt }: KeyLayerProps) {
  const registry = useRef(new KeyRegistry()).current;
  // Ink's public hook delivers a chunk as one input; its stdin context also carries the raw chunks.
  const { isRawModeSupported, setRawMode, internal_eventEmitter: chunks } = useStdin();
  const interrupt = useRef(onInterrupt);
  interrupt.current = onInterrupt;
  const queue = useRef<Key[]>([]);
  const busy = useRef(false);
  const [delivered, setDelivered] = useState(0);
  const deliverNext = useCallback(() => {
    const key = queue.current.shift();
    busy.current = key !== undefined;
    if (!key) return;
    registry.deliver(key);
    // Renders with whatever the handler changed; the effect below then sends the next key.
    setDelivered((count) => count + 1);
  }, [registry]);
  useLayoutEffect(() => {
    if (delivered === 0) return;
    // A macrotask later, not inside the commit: a long paste must not nest updates.
    const timer = setImmediate(deliverNext);
    return () => clearImmediate(timer);
  }, [delivered, deliverNext]);

  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    const onChunk = (chunk: string) => {
      for (const key of keysOf(String(chunk))) {
        if (key.ctrl && key.name === 'c') return interrupt.current();
        queue.current.push(key);
      }
      if (!busy.current) deliverNext();
    };
    chunks.on('input', onChunk);
    return () => {
      chunks.off('input', onChunk);
      setRawMode(false);
    };
  }, [isRawModeSupported, setRawMode, chunks, deliverNext]);
  return <KeyContext.Provider value={registry}>{children}</KeyContext.Provider>;
}

/**
 * Registers a screen's (or an overlay's) key handler. The handler registered last gets the keys;
 * it is replaced on every commit, so it always sees the current render's state.
 */
export function useKeys(handler: KeyHandler, active = true): void {
  const registry = useContext(KeyContext);
  const current = useRef(handler);
  const entry = useRef<Registration>({ handler: current, active });
  useLayoutEffect(() => {
    current.current = handler;
    entry.current.active = active;
  });
  useLayoutEffect(() => registry?.add(entry.current), [registry]);
}
