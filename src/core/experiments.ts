// The chapter's experiments as presets, shared by the TUI menu, `netdash train --experiment`
// and `netdash reproduce`. Each is set up as in the book; the book's figures are kept apart as
// references (`book`), never as our results.
import type { SingleNeuronConfig } from './singleNeuron.js';
import type { TrainConfig } from './types.js';

/** The sets a run can monitor as "validation"; some of the book's runs monitored the test set. */
export const HELD_OUT_NAMES = ['validation', 'test'] as const;

export type HeldOut = (typeof HELD_OUT_NAMES)[number];

/** A book figure and the series in it to overlay (names from src/data/bookFigures). */
export interface BookCurveRef {
  figure: string;
  series: string;
}

/** The book's stated result for a run: an accuracy on the held-out set, at the best epoch. */
export interface BookResult {
  accuracy: number;
  /** Where the book states it. */
  source: string;
}

export interface ExperimentRun {
  label: string;
  config: Partial<TrainConfig>;
  /** First N training images (the book's subsets); undefined = all 50,000. */
  trainingSize?: number;
  /** Train on the 250,000 one-pixel-shifted images. */
  expand?: boolean;
  /** The set monitored each epoch; some of the book's runs monitored the test set. */
  heldOut: HeldOut;
  book?: BookResult;
  bookCurve?: BookCurveRef;
}

export interface Experiment {
  id: string;
  group: string;
  title: string;
  description: string;
  /** The book's result in words, for menus. */
  bookSummary?: string;
  /** Runs of the MNIST network, overlaid on one chart when several. */
  runs: ExperimentRun[];
  /** The single-neuron demonstration instead of MNIST runs. */
  neuron?: SingleNeuronConfig[];
}

const crossEntropy30: Partial<TrainConfig> = {
  sizes: [784, 30, 10],
  cost: 'cross-entropy',
  init: 'large',
  eta: 0.5,
  batchSize: 10,
  epochs: 30,
};
const overfitting1000: Partial<TrainConfig> = {
  ...crossEntropy30,
  epochs: 400,
  monitorTrainingCost: true,
  monitorTrainingAccuracy: true,
};

export const EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'slowdown',
    group: 'Cost functions',
    title: 'Learning slowdown of one neuron',
    description: 'One sigmoid neuron, input 1, target 0: quadratic cost from 0.6/0.9 and from 2/2, cross-entropy from 2/2.',
    bookSummary: 'quadratic from w=b=2 stays flat for ~150 epochs; cross-entropy does not',
    runs: [],
    neuron: [
      { label: 'quadratic, w=0.6 b=0.9', cost: 'quadratic', w: 0.6, b: 0.9, eta: 0.15, epochs: 300 },
      { label: 'quadratic, w=2 b=2', cost: 'quadratic', w: 2, b: 2, eta: 0.15, epochs: 300 },
      { label: 'cross-entropy, w=2 b=2', cost: 'cross-entropy', w: 2, b: 2, eta: 0.005, epochs: 300 },
    ],
  },
  {
    id: 'cross-entropy',
    group: 'Cost functions',
    title: 'Cross-entropy on MNIST, 30 hidden neurons',
    description: '[784,30,10], large init, η=0.5, mini-batch 10, 30 epochs, test set.',
    bookSummary: '95.49% test accuracy',
    runs: [
      {
        label: '30 hidden',
        config: crossEntropy30,
        heldOut: 'test',
        book: { accuracy: 0.9549, source: 'chapter 3 text' },
        // The same set-up recorded in the book's repository (its peak there is 95.33%).
        bookCurve: { figure: 'overfitting_full', series: 'testAccuracy' },
      },
    ],
  },
  {
    id: 'cross-entropy-100',
    group: 'Cost functions',
    title: 'Cross-entropy on MNIST, 100 hidden neurons',
    description: '[784,100,10], large init, η=0.5, mini-batch 10, 30 epochs, test set.',
    bookSummary: '96.82% test accuracy',
    runs: [
      {
        label: '100 hidden',
        config: { ...crossEntropy30, sizes: [784, 100, 10] },
        heldOut: 'test',
        book: { accuracy: 0.9682, source: 'chapter 3 text' },
      },
    ],
  },
  {
    id: 'softmax',
    group: 'Cost functions',
    title: 'Softmax output with the log-likelihood cost',
    description: '[784,30,10], softmax + log-likelihood, η=0.5, mini-batch 10, 30 epochs, validation set.',
    runs: [{ label: 'softmax', config: { ...crossEntropy30, init: 'default', cost: 'log-likelihood' }, heldOut: 'validation' }],
  },
  {
    id: 'overfitting',
    group: 'Overfitting and regularization',
    title: 'Overfitting on 1,000 images',
    description: '[784,30,10], first 1,000 training images, 400 epochs, η=0.5, test set monitored.',
    bookSummary: 'test accuracy peaks at 82.27% while training accuracy reaches 100%',
    runs: [
      {
        label: 'λ = 0',
        config: overfitting1000,
        trainingSize: 1000,
        heldOut: 'test',
        book: { accuracy: 0.8227, source: 'overfitting.json' },
        bookCurve: { figure: 'overfitting', series: 'testAccuracy' },
      },
    ],
  },
  {
    id: 'l2-1000',
    group: 'Overfitting and regularization',
    title: 'L2 regularization on 1,000 images',
    description: 'As the overfitting run with λ=0.1.',
    bookSummary: 'test accuracy peaks at 87.1%',
    runs: [
      {
        label: 'λ = 0.1',
        config: { ...overfitting1000, lambda: 0.1 },
        trainingSize: 1000,
        heldOut: 'test',
        book: { accuracy: 0.871, source: 'regularized.json' },
        bookCurve: { figure: 'regularized', series: 'testAccuracy' },
      },
    ],
  },
  {
    id: 'l2-full',
    group: 'Overfitting and regularization',
    title: 'L2 regularization on 50,000 images',
    description: '[784,30,10], large init, λ=5.0, η=0.5, 30 epochs, test set.',
    bookSummary: '96.49% test accuracy',
    runs: [
      {
        label: 'λ = 5',
        config: { ...crossEntropy30, lambda: 5 },
        heldOut: 'test',
        book: { accuracy: 0.9649, source: 'regularized_full.json' },
        bookCurve: { figure: 'regularized_full', series: 'testAccuracy' },
      },
    ],
  },
  {
    id: 'l2-100',
    group: 'Overfitting and regularization',
    title: 'L2 regularization, 100 hidden neurons',
    description: '[784,100,10], large init, λ=5.0, η=0.5, 30 epochs, validation set.',
    bookSummary: '97.92% validation accuracy',
    runs: [
      {
        label: '100 hidden, λ = 5',
        config: { ...crossEntropy30, sizes: [784, 100, 10], lambda: 5 },
        heldOut: 'validation',
        book: { accuracy: 0.9792, source: 'chapter 3 text' },
      },
    ],
  },
  {
    id: 'l2-100-60',
    group: 'Overfitting and regularization',
    title: 'L2, 100 hidden neurons, 60 epochs at η=0.1',
    description: '[784,100,10], large init, λ=5.0, η=0.1, 60 epochs, validation set.',
    bookSummary: '98.04% validation accuracy',
    runs: [
      {
        label: '100 hidden, η = 0.1',
        config: { ...crossEntropy30, sizes: [784, 100, 10], lambda: 5, eta: 0.1, epochs: 60 },
        heldOut: 'validation',
        book: { accuracy: 0.9804, source: 'chapter 3 text' },
      },
    ],
  },
  {
    id: 'l1',
    group: 'Overfitting and regularization',
    title: 'L1 regularization on 1,000 images',
    description: 'As the overfitting run with L1, λ=0.1: weights shrink by a constant amount towards 0.',
    runs: [{ label: 'L1 λ = 0.1', config: { ...overfitting1000, l1: 0.1 }, trainingSize: 1000, heldOut: 'test' }],
  },
  {
    id: 'dropout',
    group: 'Overfitting and regularization',
    title: 'Dropout of hidden neurons',
    description: '[784,100,10], dropout p=0.5, default init, η=0.5, 30 epochs, validation set.',
    runs: [
      {
        label: 'dropout 0.5',
        config: { ...crossEntropy30, sizes: [784, 100, 10], init: 'default', dropout: 0.5 },
        heldOut: 'validation',
      },
    ],
  },
  {
    id: 'expanded',
    group: 'Overfitting and regularization',
    title: 'Artificially expanded training data',
    description: '50,000 images and their one-pixel shifts up, down, left, right (250,000), [784,30,10], λ=5, 30 epochs.',
    runs: [
      { label: 'expanded ×5', config: { ...crossEntropy30, init: 'default', lambda: 5 }, expand: true, heldOut: 'validation' },
    ],
  },
  {
    id: 'init',
    group: 'Weight initialization',
    title: 'Default vs large weight initialization',
    description: '[784,30,10], η=0.1, λ=5.0, 30 epochs, validation set; N(0,1/n_in) against N(0,1) weights.',
    bookSummary: 'default init ahead in the first epochs, as good or better at the end',
    runs: [
      {
        label: 'default init',
        config: { ...crossEntropy30, init: 'default', eta: 0.1, lambda: 5 },
        heldOut: 'validation',
        bookCurve: { figure: 'weight_initialization_30', series: 'default' },
      },
      {
        label: 'large init',
        config: { ...crossEntropy30, init: 'large', eta: 0.1, lambda: 5 },
        heldOut: 'validation',
        bookCurve: { figure: 'weight_initialization_30', series: 'large' },
      },
    ],
  },
  {
    id: 'eta',
    group: 'Hyper-parameters',
    title: 'Choosing η: 0.025, 0.25, 2.5',
    description: '[784,30,10], default init, λ=5.0, 30 epochs; training cost overlaid.',
    bookSummary: '0.25 falls fastest then levels off; 0.025 slow and smooth; 2.5 oscillates far above',
    runs: [0.025, 0.25, 2.5].map((eta, i) => ({
      label: `η = ${eta}`,
      config: {
        ...crossEntropy30,
        init: 'default' as const,
        eta,
        lambda: 5,
        monitorTrainingCost: true,
        monitorValidationCost: false,
      },
      heldOut: 'validation' as const,
      bookCurve: { figure: 'multiple_eta', series: String(i) },
    })),
  },
  {
    id: 'more-data',
    group: 'Hyper-parameters',
    title: 'More training data',
    description: 'Validation accuracy against training-set size 100 … 50,000; 1.5M examples per run, λ = N/10,000.',
    bookSummary: 'accuracy keeps rising with more data',
    runs: [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000].map((n) => ({
      label: `N = ${n}`,
      config: {
        ...crossEntropy30,
        epochs: Math.round(1_500_000 / n),
        lambda: n * 0.0001,
        monitorValidationCost: false,
        monitorValidationAccuracy: false,
      },
      trainingSize: n,
      heldOut: 'validation' as const,
      bookCurve: { figure: 'more_data', series: String(n) },
    })),
  },
  {
    id: 'early-stopping',
    group: 'Hyper-parameters',
    title: 'Early stopping with patience 10',
    description:
      '[784,30,10], default init, η=0.5, λ=5, up to 100 epochs; stop after 10 epochs without a better validation accuracy.',
    runs: [
      {
        label: 'patience 10',
        config: { ...crossEntropy30, init: 'default', lambda: 5, epochs: 100, patience: 10 },
        heldOut: 'validation',
      },
    ],
  },
  {
    id: 'schedule',
    group: 'Hyper-parameters',
    title: 'Learning-rate schedule',
    description: 'Halve η after 10 epochs without improvement; stop once η < η₀/128. [784,30,10], λ=5, up to 300 epochs.',
    runs: [
      {
        label: 'halving η',
        config: { ...crossEntropy30, init: 'default', lambda: 5, epochs: 300, patience: 10, schedule: true },
        heldOut: 'validation',
      },
    ],
  },
];

export function findExperiment(id: string): Experiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.id === id);
}

export const EXPERIMENT_IDS: readonly string[] = EXPERIMENTS.map((experiment) => experiment.id);
