// Image files for `netdash predict`: PNG (decoded by pngjs) and binary or ASCII PGM (P5, P2), any
// size up to MAX_IMAGE_PIXELS, grey or colour; colour becomes luminance and transparency is laid
// over white paper. Decoding is pure on buffers; only readImage touches the disk. Every failure is
// a one-line DataError naming the file.
import { PNG } from 'pngjs';
import { DataError } from './errors.js';
import { readRegularFile } from './files.js';

/** The largest image file read: a 25-megapixel photo saved as PNG fits. */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 ** 2;
/** The most pixels an image may have (e.g. 5000 × 5000), checked before it is decoded. */
export const MAX_IMAGE_PIXELS = 25_000_000;

/** An image as grey levels: 0 black … 255 white, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Float32Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ALLOWED = 'expected a PNG or a PGM (P5 binary or P2 ASCII) image';

/** Reads and decodes an image file (regular files only, at most MAX_IMAGE_FILE_BYTES). */
export function readImage(path: string): GreyImage {
  return decodeImage(readRegularFile(path, MAX_IMAGE_FILE_BYTES), path);
}

/** Decodes PNG or PGM bytes; `name` names the file in errors. */
export function decodeImage(bytes: Uint8Array, name: string): GreyImage {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return decodePng(bytes, name);
  if (bytes[0] === 0x50 && (bytes[1] === 0x35 || bytes[1] === 0x32)) return decodePgm(bytes, name);
  throw new DataError(name, `not an image we read; ${ALLOWED}`);
}

function checkSize(width: number, height: number, name: string, kind: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new DataError(name, `corrupt ${kind}: size ${width} × ${height}`);
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    const allowed = `at most ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels allowed`;
    throw new DataError(name, `image too large: ${width} × ${height} pixels; ${allowed}`);
  }
}

function decodePng(bytes: Uint8Array, name: string): GreyImage {
  // The size is in the IHDR chunk right after the signature: checked before anything is inflated.
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  if (!ihdr) throw new DataError(name, 'corrupt or truncated PNG: no IHDR header');
  checkSize(header.getUint32(16), header.getUint32(20), name, 'PNG');
  let png: { width: number; height: number; data: Uint8Array };
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(name, `corrupt or truncated PNG (${reason})`, { cause: error });
  }
  const { width, height, data } = png;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const alpha = data[4 * i + 3]! / 255;
    const luminance = 0.299 * data[4 * i]! + 0.587 * data[4 * i + 1]! + 0.114 * data[4 * i + 2]!;
    grey[i] = luminance * alpha + 255 * (1 - alpha); // over white paper
  }
  return { width, height, grey };
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0b || b === 0x0c;

/** Whitespace-separated tokens with '#' comments, read from `start`; returns each token's end. */
function* tokens(bytes: Uint8Array, start: number): Generator<{ text: string; end: number }> {
  let at = start;
  for (;;) {
    while (at < bytes.length && (isSpace(bytes[at]) || bytes[at] === 0x23)) {
      if (bytes[at] === 0x23) while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
      else at++;
    }
    if (at >= bytes.length) return;
    const from = at;
    while (at < bytes.length && !isSpace(bytes[at]) && bytes[at] !== 0x23) at++;
    yield { text: String.fromCharCode(...bytes.subarray(from, Math.min(at, from + 32))), end: at };
  }
}

function decodePgm(bytes: Uint8Array, name: string): GreyImage {
  const binary = bytes[1] === 0x35;
  const kind = binary ? 'PGM (P5)' : 'PGM (P2)';
  const reader = tokens(bytes, 2);
  const header: number[] = [];
  let end = 2;
  while (header.length < 3) {
    const next = reader.next();
    if (next.done) throw new DataError(name, `truncated ${kind}: the header needs width, height and maximum value`);
    if (!/^\d+$/.test(next.value.text)) throw new DataError(name, `corrupt ${kind}: header value ${next.value.text}`);
    header.push(Number(next.value.text));
    end = next.value.end;
  }
  const [width, height, maxValue] = header as [number, number, number];
  if (maxValue < 1 || maxValue > 65535) {
    throw new DataError(name, `corrupt ${kind}: maximum value ${maxValue}; must be 1 to 65535`);
  }
  checkSize(width, height, name, kind);
  const count = width * height;
  const grey = new Float32Array(count);
  const scale = 255 / maxValue;
  let filled = 0;
  if (binary) {
    const wide = maxValue > 255;
    const start = end + 1; // exactly one whitespace byte ends the header
    const available = Math.floor((bytes.length - start) / (wide ? 2 : 1));
    filled = Math.min(count, Math.max(0, available));
    for (let i = 0; i < filled; i++) {
      const value = wide ? (bytes[start + 2 * i]! << 8) | bytes[start + 2 * i + 1]! : bytes[start + i]!;
      grey[i] = Math.min(value, maxValue) * scale;
    }
  } else {
    for (const token of tokens(bytes, end)) {
      if (filled === count) break;
      const value = Number(token.text);
      if (!/^\d+$/.test(token.text) || value > maxValue) {
        throw new DataError(name, `corrupt ${kind}: pixel value ${token.text}; must be 0 to ${maxValue}`);
      }
      grey[filled++] = value * scale;
    }
  }
  if (filled < count) throw new DataError(name, `truncated ${kind}: ${count} pixels expected, ${filled} found`);
  return { width, height, grey };
}
