// Saved networks on disk, in the book's network2.py JSON format. Writes are atomic.
import { ModelFormatError, parseNetwork, serializeNetwork } from '../core/modelFormat.js';
import type { Network } from '../core/network.js';
import { DataError } from './errors.js';
import { readTextFile, writeFileAtomic } from './files.js';

/**
 * The largest network file read: 256 MB holds a network of about ten million parameters, beyond the
 * largest network netdash trains (see MAX_PARAMETERS in src/core/config.ts).
 */
export const MAX_NETWORK_FILE_BYTES = 256 * 1024 ** 2;

export function saveNetwork(path: string, network: Network): void {
  writeFileAtomic(path, serializeNetwork(network));
}

/** Loads a network file; a missing, unreadable, oversized or malformed file is a one-line DataError. */
export function loadNetwork(path: string): Network {
  if (path === '-')
    throw new DataError('-', 'reading a network from standard input is not supported; expected the path of a network file');
  const text = readTextFile(path, MAX_NETWORK_FILE_BYTES);
  try {
    return parseNetwork(text);
  } catch (error) {
    if (error instanceof ModelFormatError) throw new DataError(path, `not a network2.py network file: ${error.message}`);
    throw error;
  }
}
