// Without WebAssembly (node --jitless removes it), 'auto' must fall back to the TypeScript engine
// and 'wasm' must say why it cannot run. Runs the compiled modules in a child process (dist/ is built
// by test/globalSetup.ts; a missing build fails here rather than skipping).
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const built = (path: string) => pathToFileURL(join(root, 'dist/src/core', path)).href;
const run = promisify(execFile);

const script = `
const { selectEngine, wasmEngineAvailable } = await import(${JSON.stringify(built('engines.js'))});
const { Network } = await import(${JSON.stringify(built('network.js'))});
const { COSTS } = await import(${JSON.stringify(built('costs.js'))});
const { Rng } = await import(${JSON.stringify(built('rng.js'))});
const network = new Network([784, 30, 10], COSTS['cross-entropy']);
let wasmError = '';
try { selectEngine('wasm'); } catch (error) { wasmError = error.name + ': ' + error.message; }
console.log(JSON.stringify({
  webAssembly: typeof WebAssembly,
  available: wasmEngineAvailable(),
  auto: selectEngine('auto')(network, new Rng(1)).name,
  wasmError,
}));
`;

describe('engine selection without WebAssembly', () => {
  it("'auto' falls back to the TypeScript engine and 'wasm' is refused with a reason", async () => {
    const { stdout } = await run(process.execPath, ['--jitless', '--input-type=module', '-e', script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({
      webAssembly: 'undefined',
      available: false,
      auto: 'typescript',
      wasmError: 'EngineUnavailableError: engine wasm: WebAssembly SIMD is not available in this runtime; use typescript or auto',
    });
  });
});
