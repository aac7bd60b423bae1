// Child process of the memory check (memoryCheck.ts): loads the expanded training set, trains one
// epoch with validation monitoring and reports its own peak resident memory to the parent.
import { makeConfig } from '../../core/config.js';
import { selectEngine, type EngineKind } from '../../core/engines.js';
import { Trainer } from '../../core/trainer.js';
import { loadDatasets } from '../../data/load.js';
import { BENCH_SETTINGS } from './workloads.js';

export interface MemoryCheckMessage {
  images: number;
  loadSeconds: number;
  trainSeconds: number;
  engine: string;
  peakRssBytes: number;
}

async function main(): Promise<void> {
  const engine = (process.argv[2] ?? 'auto') as EngineKind;
  const datasets = loadDatasets({ expand: true });
  const config = makeConfig({
    sizes: [784, 30, 10],
    cost: BENCH_SETTINGS.cost,
    eta: BENCH_SETTINGS.eta,
    lambda: BENCH_SETTINGS.lambda,
    epochs: 1,
  });
  const trainer = new Trainer(
    config,
    { training: datasets.training, validation: datasets.validation },
    { engine: selectEngine(engine) },
  );
  let trainSeconds = Number.NaN;
  trainer.on((event) => {
    if (event.type === 'epoch') trainSeconds = event.trainSeconds;
  });
  await trainer.run();
  const message: MemoryCheckMessage = {
    images: datasets.training.count,
    loadSeconds: datasets.loadSeconds,
    trainSeconds,
    engine: trainer.engineName,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.send?.(message);
}

main().catch((error: unknown) => {
  process.stderr.write(`memory check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
