// A run's checkpoint on disk: the safetensors format (an 8-byte little-endian header length, a JSON
// header naming each array's dtype, shape and byte range, then the raw little-endian arrays), so any
// safetensors reader (Python's safetensors, numpy) can open it. The arrays are the engine's
// parameters and velocities in its own precision and the best weights; the rest of the state is one
// JSON string in the header's __metadata__. Written atomically each epoch.
import type { TrainerCheckpoint } from '../core/checkpoint.js';
import type { EngineState, StateArray } from '../core/engine.js';
import type { Gradients } from '../core/network.js';
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError, describeFsError } from './errors.js';
import { readRegularFile, writeFileAtomic } from './files.js';

export const CHECKPOINT_FORMAT = 'netdash-checkpoint';
/** Raised when the layout changes; a checkpoint of another version is refused, not misread. */
export const CHECKPOINT_VERSION = 1;
/** Parameters, velocities and best weights of the largest network (10 M parameters), with room to spare. */
export const MAX_CHECKPOINT_BYTES = 512 * 1024 ** 2;

type Dtype = 'F64' | 'F32' | 'U32';
type Typed = Float64Array | Float32Array | Uint32Array;
const TYPES: Record<Dtype, { new (buffer: ArrayBuffer): Typed; BYTES_PER_ELEMENT: number }> = {
  F64: Float64Array,
  F32: Float32Array,
  U32: Uint32Array,
};
const dtypeOf = (array: Typed): Dtype => (array instanceof Float64Array ? 'F64' : array instanceof Float32Array ? 'F32' : 'U32');

interface TensorInfo {
  dtype: Dtype;
  shape: number[];
  data_offsets: [number, number];
}

/** The checkpoint's JSON part: everything but the arrays. */
interface CheckpointMeta extends Omit<TrainerCheckpoint, 'engine' | 'bestWeights'> {
  engine: Omit<EngineState, 'arrays'>;
  bestWeightLayers: number;
}

// JSON has no NaN or ±Infinity (the tracker's best is NaN before a first finite value).
const encodeNumber = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
const decodeNumber = (_key: string, value: unknown) =>
  value === 'NaN' || value === 'Infinity' || value === '-Infinity' ? Number(value) : value;

/** The checkpoint as safetensors bytes; `extra` is stored as metadata strings beside it. */
export function encodeCheckpoint(checkpoint: TrainerCheckpoint, extra: Record<string, string> = {}): Buffer {
  return Buffer.concat(checkpointChunks(checkpoint, extra));
}

/**
 * The safetensors file as chunks: the length and header, then each array's own bytes (views, not
 * copies: a checkpoint of [784,30,10] is written each epoch, and copying it costs more than writing it).
 */
export function checkpointChunks(checkpoint: TrainerCheckpoint, extra: Record<string, string> = {}): Uint8Array[] {
  const arrays: [string, Typed][] = [];
  for (const [name, array] of Object.entries(checkpoint.engine.arrays)) arrays.push([`engine.${name}`, array]);
  const best = checkpoint.bestWeights;
  best?.weights.forEach((w, l) => arrays.push([`best.w${l}`, w]));
  best?.biases.forEach((b, l) => arrays.push([`best.b${l}`, b]));
  // Widest types first keeps every array aligned to its element size.
  arrays.sort(([, a], [, b]) => b.BYTES_PER_ELEMENT - a.BYTES_PER_ELEMENT);

  const meta: CheckpointMeta = {
    epoch: checkpoint.epoch,
    eta: checkpoint.eta,
    seconds: checkpoint.seconds,
    tracker: checkpoint.tracker,
    final: checkpoint.final,
    ...(checkpoint.best && { best: checkpoint.best }),
    rng: checkpoint.rng,
    engine: { engine: checkpoint.engine.engine, numbers: checkpoint.engine.numbers },
    bestWeightLayers: best?.weights.length ?? 0,
  };
  const header: Record<string, unknown> = {
    __metadata__: {
      ...extra,
      format: CHECKPOINT_FORMAT,
      version: String(CHECKPOINT_VERSION),
      state: JSON.stringify(meta, encodeNumber),
    },
  };
  let offset = 0;
  for (const [name, array] of arrays) {
    header[name] = { dtype: dtypeOf(array), shape: [array.length], data_offsets: [offset, offset + array.byteLength] };
    offset += array.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const headerBytes = Buffer.from(json, 'utf8');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(headerBytes.length), 0);
  // Typed arrays are in the platform's byte order: little-endian on every platform Node runs on.
  return [length, headerBytes, ...arrays.map(([, array]) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength))];
}

/** Reads safetensors bytes back into a checkpoint; anything malformed is a DataError naming `file`. */
export function decodeCheckpoint(bytes: Buffer, file: string): { checkpoint: TrainerCheckpoint; extra: Record<string, string> } {
  const bad = (problem: string) => new DataError(file, `not a netdash checkpoint: ${problem}`);
  if (bytes.length < 8) throw bad('too short');
  const headerLength = Number(bytes.readBigUInt64LE(0));
  if (headerLength > bytes.length - 8) throw bad('header longer than the file');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw bad('unreadable header');
  }
  const metadata = (header.__metadata__ ?? {}) as Record<string, string>;
  if (metadata.format !== CHECKPOINT_FORMAT) throw bad('no netdash-checkpoint metadata');
  if (metadata.version !== String(CHECKPOINT_VERSION)) {
    throw new DataError(file, `checkpoint format version ${metadata.version}; this netdash reads version ${CHECKPOINT_VERSION}`);
  }
  const data = bytes.subarray(8 + headerLength);
  const arrays = new Map<string, Typed>();
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const info = value as TensorInfo;
    const type = TYPES[info.dtype];
    const [begin, end] = info.data_offsets ?? [];
    if (!type || !Number.isInteger(begin) || !Number.isInteger(end) || begin! < 0 || end! > data.length || end! < begin!) {
      throw bad(`array ${name} out of range`);
    }
    if ((end! - begin!) % type.BYTES_PER_ELEMENT !== 0) throw bad(`array ${name} has a partial element`);
    // Copied, so each array is aligned and owns its memory.
    const copy = new Uint8Array(end! - begin!);
    copy.set(data.subarray(begin, end));
    arrays.set(name, new type(copy.buffer));
  }
  let meta: CheckpointMeta;
  try {
    meta = JSON.parse(metadata.state ?? '', decodeNumber) as CheckpointMeta;
  } catch {
    throw bad('unreadable state');
  }
  if (!Number.isInteger(meta.epoch) || meta.epoch < 0 || !(meta.eta > 0)) throw bad('bad epoch or η');
  const engineArrays: Record<string, StateArray> = {};
  for (const [name, array] of arrays) {
    if (name.startsWith('engine.') && !(array instanceof Uint32Array)) engineArrays[name.slice('engine.'.length)] = array;
  }
  let bestWeights: Gradients | undefined;
  if (meta.bestWeightLayers > 0) {
    const layer = (kind: string, l: number) => {
      const array = arrays.get(`best.${kind}${l}`);
      if (!(array instanceof Float64Array)) throw bad(`no best.${kind}${l}`);
      return array;
    };
    const layers = Array.from({ length: meta.bestWeightLayers }, (_, l) => l);
    bestWeights = { weights: layers.map((l) => layer('w', l)), biases: layers.map((l) => layer('b', l)) };
  }
  const extra = Object.fromEntries(Object.entries(metadata).filter(([key]) => !['format', 'version', 'state'].includes(key)));
  const checkpoint: TrainerCheckpoint = {
    epoch: meta.epoch,
    eta: meta.eta,
    seconds: meta.seconds,
    tracker: meta.tracker,
    final: meta.final,
    ...(meta.best && { best: meta.best }),
    rng: meta.rng,
    engine: { engine: meta.engine.engine, numbers: meta.engine.numbers ?? {}, arrays: engineArrays },
    ...(bestWeights && { bestWeights }),
  };
  return { checkpoint, extra };
}

export interface CheckpointWriteOptions {
  extra?: Record<string, string>;
  /** fsync the file and its folder (durable across a power cut); without, still atomic for a killed process. */
  sync?: boolean;
}

/** Writes atomically (a temp file renamed over the old checkpoint). */
export function writeCheckpoint(path: string, checkpoint: TrainerCheckpoint, options: CheckpointWriteOptions = {}): void {
  writeFileAtomic(path, checkpointChunks(checkpoint, options.extra), { sync: options.sync });
}

/**
 * The same, off the training thread (libuv's pool writes while the next epoch trains). The
 * checkpoint's arrays must not change until the promise settles (the trainer hands out copies).
 * Failures are DataErrors naming the file.
 */
export async function writeCheckpointAsync(
  path: string,
  checkpoint: TrainerCheckpoint,
  options: CheckpointWriteOptions = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let file: FileHandle | undefined;
  try {
    file = await open(temp, 'wx');
    for (const chunk of checkpointChunks(checkpoint, options.extra)) {
      for (let done = 0; done < chunk.length;) done += (await file.write(chunk, done, chunk.length - done)).bytesWritten;
    }
    if (options.sync) await file.sync();
    await file.close();
    file = undefined;
    await rename(temp, path);
  } catch (error) {
    await file?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw new DataError(path, `cannot write: ${describeFsError(error)}`, { cause: error });
  }
}

export function readCheckpoint(path: string): { checkpoint: TrainerCheckpoint; extra: Record<string, string> } {
  return decodeCheckpoint(readRegularFile(path, MAX_CHECKPOINT_BYTES), path);
}
