// The settings screen's state as a pure reducer: one form per run of the experiment, the field
// under the cursor, and the scope of an edit — all runs, or one run. A field marked `*` differs
// between the runs: in the all-runs scope it shows every run's value (η: 0.025 · 0.25 · 2.5) and an
// edit replaces them all, on purpose; `[` / `]` pick one run to edit alone.
import { fieldsDiffering } from './runPlan.js';
import { FIELDS, cycleField, deleteFromField, typeIntoField, type FormKey, type FormValues } from './settingsForm.js';

export interface SettingsState {
  /** The preset's form of each run. */
  initial: readonly FormValues[];
  /** The edited form of each run. */
  forms: readonly FormValues[];
  /** -1: an edit applies to all runs; otherwise the index of the one run edited. */
  scope: number;
  selected: number;
  /** Whether the selected field is being typed into (the next character appends). */
  editing: boolean;
  /** Enter was pressed while there were problems. */
  tried: boolean;
}

export type SettingsAction =
  | { type: 'move'; by: number }
  | { type: 'cycle'; direction: 1 | -1 }
  | { type: 'type'; text: string }
  | { type: 'delete' }
  | { type: 'scope'; direction: 1 | -1 }
  | { type: 'reset' }
  | { type: 'tried' };

export function initialSettings(initial: readonly FormValues[]): SettingsState {
  return { initial, forms: initial, scope: -1, selected: 0, editing: false, tried: false };
}

const selectedKey = (state: SettingsState): FormKey => FIELDS[state.selected]!.key;

/** Applies an edit of one field to the runs in scope: all of them take the edited value of the first. */
function edit(state: SettingsState, change: (form: FormValues) => FormValues): readonly FormValues[] {
  const key = selectedKey(state);
  if (state.scope >= 0) return state.forms.map((form, index) => (index === state.scope ? change(form) : form));
  const value = change(state.forms[0]!)[key];
  return state.forms.map((form) => (form[key] === value ? form : { ...form, [key]: value }));
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  const key = selectedKey(state);
  switch (action.type) {
    case 'move':
      return { ...state, selected: (state.selected + action.by + FIELDS.length) % FIELDS.length, editing: false };
    case 'cycle':
      return { ...state, forms: edit(state, (form) => cycleField(form, key, action.direction)), editing: false };
    case 'type': {
      // In the all-runs scope a field that differs starts over from what is typed, whatever the run.
      const replace = !state.editing || (state.scope < 0 && differs(state.forms, key));
      const forms = edit(state, (form) => typeIntoField(form, key, action.text, replace));
      return forms === state.forms || sameForms(forms, state.forms) ? state : { ...state, forms, editing: true };
    }
    case 'delete':
      return { ...state, forms: edit(state, (form) => deleteFromField(form, key)), editing: true };
    case 'scope': {
      const runs = state.forms.length;
      if (runs < 2) return state;
      // -1, 0, 1, … runs - 1, then around again.
      const scope = ((state.scope + 1 + action.direction + runs + 1) % (runs + 1)) - 1;
      return { ...state, scope, editing: false };
    }
    case 'reset':
      return {
        ...state,
        forms: state.forms.map((form, index) =>
          state.scope < 0 || index === state.scope ? { ...form, [key]: state.initial[index]![key] } : form,
        ),
        editing: false,
      };
    case 'tried':
      return { ...state, tried: true };
  }
}

function sameForms(a: readonly FormValues[], b: readonly FormValues[]): boolean {
  return a.every((form, index) => form === b[index]);
}

export function differs(forms: readonly FormValues[], key: FormKey): boolean {
  return forms.some((form) => form[key] !== forms[0]![key]);
}

/** The values of a field in the scope: one, or each run's when they differ. */
export function scopeValues(state: SettingsState, key: FormKey): string[] {
  if (state.scope >= 0) return [state.forms[state.scope]![key]];
  return differs(state.forms, key) ? state.forms.map((form) => form[key]) : [state.forms[0]![key]];
}

/** Fields marked `*`: they differ between the preset's runs or between the edited ones. */
export function markedFields(state: SettingsState): Set<FormKey> {
  return new Set([...fieldsDiffering(state.initial), ...fieldsDiffering(state.forms)]);
}

/** Fields that differed between the preset's runs and now hold one value for all (said under the form). */
export function unifiedFields(state: SettingsState): FormKey[] {
  return fieldsDiffering(state.initial).filter((key) => !differs(state.forms, key));
}
