// Keys of the settings screen: ↑/↓ (or Tab) move between fields, ←/→ (or space) change choices,
// toggles and whole numbers, typing edits numbers, Enter starts, Esc goes back.
import { useInput, useStdin } from 'ink';
import { FIELDS, cycleField, deleteFromField, typeIntoField, type FormValues } from '../settings/settingsForm.js';

export interface SettingsKeyContext {
  values: FormValues;
  selected: number;
  /** Whether the selected field is being typed into (the next character appends). */
  editing: boolean;
  update: (change: { values?: FormValues; selected?: number; editing?: boolean }) => void;
  onSubmit: () => void;
  onBack: () => void;
}

export function useSettingsKeys({ values, selected, editing, update, onSubmit, onBack }: SettingsKeyContext): void {
  const { isRawModeSupported } = useStdin();
  const key = FIELDS[selected]!.key;
  useInput(
    (input, pressed) => {
      if (pressed.escape) onBack();
      else if (pressed.return) onSubmit();
      else if (pressed.upArrow || (pressed.tab && pressed.shift)) {
        update({ selected: (selected - 1 + FIELDS.length) % FIELDS.length, editing: false });
      } else if (pressed.downArrow || pressed.tab) update({ selected: (selected + 1) % FIELDS.length, editing: false });
      else if (pressed.leftArrow) update({ values: cycleField(values, key, -1), editing: false });
      else if (pressed.rightArrow || input === ' ') update({ values: cycleField(values, key, 1), editing: false });
      else if (pressed.backspace || pressed.delete) update({ values: deleteFromField(values, key), editing: true });
      else if (input && !pressed.ctrl && !pressed.meta) {
        const next = typeIntoField(values, key, input, !editing);
        if (next !== values) update({ values: next, editing: true });
      }
    },
    { isActive: Boolean(isRawModeSupported) },
  );
}
