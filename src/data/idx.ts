// Raw IDX parsing (the format of MNIST and Fashion-MNIST): big-endian header, then bytes.
// Parsers are pure on buffers; only readIdxFile touches the disk.

import { gunzipSync } from 'node:zlib';
import { DataError } from './errors.js';
import { readRegularFile } from './files.js';

/** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
export const IDX_IMAGES_MAGIC = 2051;
/** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
export const IDX_LABELS_MAGIC = 2049;

const IMAGES_HEADER_BYTES = 16;
const LABELS_HEADER_BYTES = 8;

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** `count × rows × cols` bytes; a view into the input buffer, not a copy. */
  pixels: Uint8Array;
}

function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

function magicHint(magic: number, buf: Uint8Array): string {
  if (magic === IDX_IMAGES_MAGIC) return ' (an IDX images file)';
  if (magic === IDX_LABELS_MAGIC) return ' (an IDX labels file)';
  if (isGzip(buf)) return ' (gzip data; decompress it first)';
  return '';
}

/** Checks length and magic, returning a big-endian reader over the header. */
function readHeader(buf: Uint8Array, file: string, expectedMagic: number, headerBytes: number, kind: string): DataView {
  if (buf.length < 4) {
    throw new DataError(file, `header too short: ${buf.length} bytes, expected ${headerBytes} for an IDX ${kind} file`);
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    throw new DataError(
      file,
      `wrong magic number ${magic}${magicHint(magic, buf)}, expected ${expectedMagic} (an IDX ${kind} file)`,
    );
  }
  if (buf.length < headerBytes) {
    throw new DataError(file, `header too short: ${buf.length} bytes, expected ${headerBytes} for an IDX ${kind} file`);
  }
  return view;
}

function checkDataLength(file: string, expected: number, actual: number, what: string): void {
  if (actual < expected) {
    throw new DataError(file, `truncated data: header promises ${expected} bytes of ${what}, found ${actual}`);
  }
  if (actual > expected) {
    throw new DataError(file, `${actual - expected} unexpected bytes after the ${expected} bytes of ${what} the header promises`);
  }
}

/** Parses an IDX images file (magic 2051). */
export function parseIdxImages(buf: Uint8Array, file: string): IdxImages {
  const view = readHeader(buf, file, IDX_IMAGES_MAGIC, IMAGES_HEADER_BYTES, 'images');
  const count = view.getUint32(4, false);
  const rows = view.getUint32(8, false);
  const cols = view.getUint32(12, false);
  const expected = count * rows * cols;
  checkDataLength(file, expected, buf.length - IMAGES_HEADER_BYTES, `pixels (${count} images of ${rows}×${cols})`);
  return { count, rows, cols, pixels: buf.subarray(IMAGES_HEADER_BYTES) };
}

/** Parses an IDX labels file (magic 2049); the result is a view into `buf`. */
export function parseIdxLabels(buf: Uint8Array, file: string): Uint8Array {
  const view = readHeader(buf, file, IDX_LABELS_MAGIC, LABELS_HEADER_BYTES, 'labels');
  const count = view.getUint32(4, false);
  checkDataLength(file, count, buf.length - LABELS_HEADER_BYTES, `labels (${count} labels)`);
  return buf.subarray(LABELS_HEADER_BYTES);
}

/**
 * The largest IDX file read, before and after gunzip: 1 GB is 20 × MNIST's 47 MB training images,
 * and stops a device, a gzip bomb or a wrong file from filling the memory.
 */
export const MAX_IDX_BYTES = 1024 ** 3;

/** Reads a file, gunzipping it when its content starts with the gzip magic (whatever its name). */
export function readIdxFile(path: string): Uint8Array {
  const raw = readRegularFile(path, MAX_IDX_BYTES);
  let bytes: Buffer = raw;
  if (isGzip(raw)) {
    try {
      bytes = gunzipSync(raw, { maxOutputLength: MAX_IDX_BYTES });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DataError(path, `unpacks to more than ${MAX_IDX_BYTES / 1024 ** 2} MB; expected an IDX file`, { cause: error });
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new DataError(path, `corrupt gzip data (${reason}); expected a complete .gz stream`, { cause: error });
    }
  }
  // A plain Uint8Array view: Buffer's slice() shares memory, which would surprise callers.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
