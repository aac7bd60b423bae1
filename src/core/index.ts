// The core's public surface: math and training control only (no terminal, no files).
export * from './types.js';
export { DEFAULT_CONFIG, makeConfig, validateConfig, describeProblem, type ConfigProblem } from './config.js';
export { COSTS, type Cost } from './costs.js';
export { Network } from './network.js';
export { Trainer, type TrainerData, type TrainerOptions, type EngineFactory } from './trainer.js';
export { ReferenceEngine, evaluateNetwork, type TrainingEngine, type TrainSettings, type Evaluation } from './engine.js';
export { EarlyStopping, PlateauSchedule, BestTracker } from './observers.js';
export { Rng } from './rng.js';
export { runSingleNeuron, type SingleNeuronConfig, type SingleNeuronStep } from './singleNeuron.js';
export { EXPERIMENTS, EXPERIMENT_IDS, findExperiment, type Experiment, type ExperimentRun, type HeldOut } from './experiments.js';
export { toBookJson, fromBookJson, serializeNetwork, parseNetwork, ModelFormatError } from './modelFormat.js';
