import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExperiment } from '../../../src/core/experiments.js';
import {
  CUSTOM_EXPERIMENT,
  buildPlan as buildPlanOfForms,
  initialForms,
  runLabel,
  fieldsVaryingAcrossRuns,
  initialForm,
  prepareDashboardRun,
} from '../../../src/ui/tui/settings/runPlan.js';
import {
  cycleField,
  deleteFromField,
  displayValue,
  typeIntoField,
  type FormValues,
} from '../../../src/ui/tui/settings/settingsForm.js';
import { makeTempDir, writeTinyMnist, type TempDir } from '../../data/idxFixtures.js';

const eta = findExperiment('eta')!;

/** buildPlan with one form for all runs: the first run's preset form, edited, for every run. */
function buildPlan(experiment: Parameters<typeof buildPlanOfForms>[0], initial: FormValues, current: FormValues, options = {}) {
  const presets = initialForms(experiment, options);
  const changed = (Object.keys(current) as (keyof FormValues)[]).filter((key) => current[key] !== initial[key]);
  const forms = presets.map((form) => ({ ...form, ...Object.fromEntries(changed.map((key) => [key, current[key]])) }));
  return buildPlanOfForms(experiment, presets, forms, options);
}

function edit(values: FormValues, key: keyof FormValues, text: string): FormValues {
  return { ...values, [key]: text };
}

describe('settings form', () => {
  it("opens with the preset's first run, every option shown", () => {
    const form = initialForm(findExperiment('overfitting')!);
    expect(form.sizes).toBe('784,30,10');
    expect(form.epochs).toBe('400');
    expect(form.trainingSize).toBe('1000');
    expect(form.heldOut).toBe('test');
    expect(form.init).toBe('large');
    expect(displayValue(form, 'patience')).toBe('off');
    expect(displayValue(initialForm(CUSTOM_EXPERIMENT), 'trainingSize')).toBe('all 50,000');
  });

  it('cycles choices and toggles with ←/→, steps whole numbers, types numbers', () => {
    const form = initialForm(CUSTOM_EXPERIMENT);
    expect(cycleField(form, 'cost', 1).cost).toBe('log-likelihood');
    expect(cycleField(form, 'cost', -1).cost).toBe('quadratic');
    expect(cycleField(form, 'schedule', 1).schedule).toBe('on');
    expect(cycleField(form, 'epochs', 1).epochs).toBe('31');
    expect(cycleField(form, 'patience', 1).patience).toBe('1');
    expect(cycleField(cycleField(form, 'patience', 1), 'patience', -1).patience).toBe('');
    expect(typeIntoField(form, 'eta', '0', true).eta).toBe('0');
    expect(typeIntoField(typeIntoField(form, 'eta', '0', true), 'eta', '.1', false).eta).toBe('0.1');
    expect(typeIntoField(form, 'cost', '1', true)).toBe(form);
    expect(typeIntoField(form, 'eta', 'x', true)).toBe(form);
    expect(deleteFromField(form, 'epochs').epochs).toBe('3');
  });

  it('marks the fields that differ between the runs of a preset', () => {
    expect(fieldsVaryingAcrossRuns(eta)).toEqual(['eta']);
    expect(fieldsVaryingAcrossRuns(findExperiment('more-data')!)).toEqual(
      expect.arrayContaining(['epochs', 'lambda', 'trainingSize']),
    );
  });
});

describe('buildPlan', () => {
  it('applies only the changed fields to every run, keeping what differs between them', () => {
    const initial = initialForm(eta);
    const { plan } = buildPlan(eta, initial, edit(initial, 'epochs', '3'));
    expect(plan!.runs.map((run) => [run.request.config.eta, run.request.config.epochs])).toEqual([
      [0.025, 3],
      [0.25, 3],
      [2.5, 3],
    ]);
    expect(plan!.runs[0]!.label).toBe('η = 0.025 (epochs=3)');
    expect(plan!.bySize).toBe(false);
  });

  it('reports every problem in one line naming the field and what is allowed', () => {
    const initial = initialForm(CUSTOM_EXPERIMENT);
    const bad = { ...initial, eta: '-1', sizes: '784,30,9', dropout: '1' };
    const { plan, problems } = buildPlan(CUSTOM_EXPERIMENT, initial, bad);
    expect(plan).toBeUndefined();
    const texts = problems.map((p) => p.text);
    expect(texts).toContain('η (eta): got -1; must be a number > 0');
    expect(texts.some((t) => t.startsWith('sizes:') && t.includes('10 classes'))).toBe(true);
    expect(texts.some((t) => t.startsWith('dropout p:') && t.includes('[0, 1)'))).toBe(true);
    expect(problems.map((p) => p.key).sort()).toEqual(['dropout', 'eta', 'sizes']);
  });

  it('rejects text that is not a number, and training sizes outside 1 … 50,000', () => {
    const initial = initialForm(CUSTOM_EXPERIMENT);
    expect(buildPlan(CUSTOM_EXPERIMENT, initial, edit(initial, 'lambda', '5..')).problems[0]!.text).toBe(
      'L2 λ: got "5.."; must be a number',
    );
    expect(buildPlan(CUSTOM_EXPERIMENT, initial, edit(initial, 'trainingSize', '60000')).problems[0]!.text).toContain(
      '1 … 50000',
    );
    expect(buildPlan(CUSTOM_EXPERIMENT, initial, edit(initial, 'epochs', '2.5')).problems[0]!.key).toBe('epochs');
  });

  it('refuses a network too large to train and a seed the generators cannot tell apart', () => {
    const initial = initialForm(CUSTOM_EXPERIMENT);
    const huge = buildPlan(CUSTOM_EXPERIMENT, initial, edit(initial, 'sizes', '784,1e6,10'));
    expect(huge.plan).toBeUndefined();
    expect(huge.problems.map((p) => p.key)).toEqual(['sizes']);
    expect(huge.problems[0]!.text).toContain('at most 10,000,000 weights and biases in all (these have 795,000,010)');
    const seed = buildPlan(CUSTOM_EXPERIMENT, initial, edit(initial, 'seed', '4294967296'));
    expect(seed.problems.map((p) => p.key)).toEqual(['seed']);
    expect(seed.problems[0]!.text).toContain('0..4294967295');
  });

  it('builds the data request: held-out set, expansion, training size capped by the data options', () => {
    const experiment = findExperiment('overfitting')!;
    const options = { dataOptions: { trainingSize: 300, validationSize: 200 }, presetOverrides: { epochs: 2 }, dataDir: '/data' };
    const initial = initialForm(experiment, options);
    expect(initial.epochs).toBe('2');
    const { plan } = buildPlan(experiment, initial, cycleField(initial, 'expand', 1), options);
    const request = plan!.runs[0]!.request;
    expect([request.trainingSize, request.validationSize, request.expand, request.heldOut, request.dataDir]).toEqual([
      300,
      200,
      true,
      'test',
      '/data',
    ]);
    expect(request.config.epochs).toBe(2);
  });

  it('shows the more-data preset by training-set size', () => {
    const moreData = findExperiment('more-data')!;
    const initial = initialForm(moreData);
    const { plan } = buildPlan(moreData, initial, initial);
    expect(plan!.bySize).toBe(true);
    expect(plan!.runs.map((run) => run.trainingSize)).toEqual([100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]);
  });
});

describe('per-run settings of a multi-run preset', () => {
  it('changes one run alone, and names each run by the configuration it uses', () => {
    const presets = initialForms(eta);
    const forms = presets.map((form, index) => (index === 1 ? edit(form, 'eta', '0.5') : form));
    const { plan } = buildPlanOfForms(eta, presets, forms);
    expect(plan!.runs.map((run) => run.request.config.eta)).toEqual([0.025, 0.5, 2.5]);
    expect(plan!.runs.map((run) => run.label)).toEqual(['η = 0.025', 'η (eta)=0.5', 'η = 2.5']);
  });

  it('replaces a value for all runs on purpose, and the labels say so', () => {
    const presets = initialForms(eta);
    const { plan } = buildPlanOfForms(
      eta,
      presets,
      presets.map((form) => edit(form, 'eta', '0.1')),
    );
    expect(plan!.runs.map((run) => run.request.config.eta)).toEqual([0.1, 0.1, 0.1]);
    expect(plan!.runs.every((run) => run.label === 'η (eta)=0.1')).toBe(true);
  });

  it('runLabel keeps the preset label while the fields it is named by are unchanged', () => {
    const form = initialForm(eta);
    expect(runLabel('η = 0.025', ['eta'], [], form)).toBe('η = 0.025');
    expect(runLabel('η = 0.025', ['eta'], ['epochs'], edit(form, 'epochs', '3'))).toBe('η = 0.025 (epochs=3)');
    expect(runLabel('η = 0.025', ['eta'], ['eta', 'epochs'], edit(edit(form, 'eta', '1'), 'epochs', '3'))).toBe(
      'η (eta)=1 (epochs=3)',
    );
  });
});

describe('prepareDashboardRun', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = makeTempDir();
    writeTinyMnist(dir, 12, 4); // 10 training images, 2 validation
  });
  afterAll(() => dir.remove());

  it("words a problem found against the data with the form's labels", () => {
    const initial = initialForm(CUSTOM_EXPERIMENT);
    const { plan } = buildPlan(CUSTOM_EXPERIMENT, initial, edit(edit(initial, 'trainingSize', '11'), 'epochs', '1'), {
      dataDir: dir.path,
    });
    const request = plan!.runs[0]!.request;
    expect(() => prepareDashboardRun(request)).toThrow(/^training size: got 11; must be a whole number 1\.\.10 for this data$/);
    expect(prepareDashboardRun({ ...request, trainingSize: 10 }).datasets.training.count).toBe(10);
  });
});
