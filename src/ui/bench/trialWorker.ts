// The bench's task module for the worker pool: one equal training run (the same seed, network and
// data every time), as a sweep trial would be, returning its wall time.
import { makeConfig } from '../../core/config.js';
import { selectEngine, type EngineKind } from '../../core/engines.js';
import { Trainer } from '../../core/trainer.js';
import { loadDatasets, type Datasets } from '../../data/load.js';
import type { TaskRunner } from '../app/workerPool.js';

export interface EqualTrial {
  engine: EngineKind;
  trainingSize: number;
  epochs: number;
}

let data: { size: number; datasets: Datasets } | undefined;

export const runTask: TaskRunner<EqualTrial, number, never> = async (trial, _emit, signal) => {
  if (data?.size !== trial.trainingSize) {
    data = { size: trial.trainingSize, datasets: loadDatasets({ trainingSize: trial.trainingSize, validationSize: 1000 }) };
  }
  const config = makeConfig({ sizes: [784, 30, 10], epochs: trial.epochs, eta: 0.5, restoreBestWeights: false });
  const trainer = new Trainer(
    config,
    { training: data.datasets.training, validation: data.datasets.validation },
    { engine: selectEngine(trial.engine) },
  );
  const started = performance.now();
  await trainer.run(signal);
  return (performance.now() - started) / 1000;
};
