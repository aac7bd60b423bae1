// The memory part of the benchmark: the 250,000-image expanded training set must train in under
// 1 GB resident. It runs in a child process so that its peak is its own, not the benchmark's.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineKind } from '../../core/engines.js';
import type { MemoryCheckMessage } from './memoryChild.js';

export const MEMORY_LIMIT_BYTES = 1024 ** 3;

export interface MemoryCheckResult extends MemoryCheckMessage {
  limitBytes: number;
  withinLimit: boolean;
}

export function runMemoryCheck(engine: EngineKind): Promise<MemoryCheckResult> {
  const child = fork(fileURLToPath(new URL('./memoryChild.js', import.meta.url)), [engine], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let report: MemoryCheckMessage | undefined;
    child.on('message', (message) => (report = message as MemoryCheckMessage));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!report) {
        reject(new Error(stderr.trim().split('\n')[0] || `memory check exited with code ${code}`));
        return;
      }
      resolve({ ...report, limitBytes: MEMORY_LIMIT_BYTES, withinLimit: report.peakRssBytes < MEMORY_LIMIT_BYTES });
    });
  });
}
