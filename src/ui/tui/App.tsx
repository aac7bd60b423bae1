// The screens and what outlives them: the menu, the settings of the chosen experiment, the
// dashboard (or the neuron demo, or the softmax explorer) and the session's finished runs.
import { useApp } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Experiment } from '../../core/experiments.js';
import type { TrainConfig } from '../../core/types.js';
import { Dashboard } from './dashboard/Dashboard.js';
import type { SessionRun } from './dashboard/dashboardSelectors.js';
import { Menu } from './menu/Menu.js';
import type { MenuEntry } from './menu/menuItems.js';
import { NeuronView } from './neuron/NeuronView.js';
import type { DataOptions, PlanOptions, RunPlan } from './settings/runPlan.js';
import { Settings } from './settings/Settings.js';
import { SoftmaxExplorer } from './softmax/SoftmaxExplorer.js';

export interface AppProps {
  /** MNIST folder; the embedded copy by default. */
  dataDir?: string;
  /** Caps on the data, for quick runs and tests. */
  dataOptions?: DataOptions;
  /** Applied to every preset before the settings screen (tests: { epochs: 2 }). */
  presetOverrides?: Partial<TrainConfig>;
  /** Folder `w` saves networks to; the working directory by default. */
  saveDir?: string;
}

type Screen =
  | { name: 'menu' }
  | { name: 'settings'; experiment: Experiment }
  | { name: 'dashboard'; plan: RunPlan }
  | { name: 'neuron'; experiment: Experiment }
  | { name: 'softmax' };

export function App({ dataDir, dataOptions, presetOverrides, saveDir }: AppProps) {
  const { exit } = useApp();
  const [screen, setShownScreen] = useState<Screen>({ name: 'menu' });
  // Keys typed fast can still reach the previous screen's listeners for a moment after a switch
  // (they are detached by an effect); a screen's callbacks act only while it is the current one.
  const current = useRef<Screen>(screen);
  const setScreen = useCallback((next: Screen) => {
    current.current = next;
    setShownScreen(next);
  }, []);
  const fromCurrent =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      if (current.current === screen) action(...args);
    };
  const [lastChosen, setLastChosen] = useState<string>();
  const [session, setSession] = useState<SessionRun[]>([]);
  const planOptions = useMemo<PlanOptions>(
    () => ({ dataDir, dataOptions, presetOverrides }),
    [dataDir, dataOptions, presetOverrides],
  );
  const toMenu = fromCurrent(() => setScreen({ name: 'menu' }));
  const onRunFinished = useCallback((run: SessionRun) => setSession((runs) => [...runs, run]), []);

  const choose = (entry: MenuEntry) => {
    setLastChosen(entry.key);
    if (entry.choice.kind === 'softmax') setScreen({ name: 'softmax' });
    else if (entry.choice.experiment.neuron) setScreen({ name: 'neuron', experiment: entry.choice.experiment });
    else setScreen({ name: 'settings', experiment: entry.choice.experiment });
  };

  switch (screen.name) {
    case 'menu':
      return <Menu initialKey={lastChosen} onChoose={fromCurrent(choose)} onQuit={fromCurrent(() => exit())} />;
    case 'settings':
      return (
        <Settings
          experiment={screen.experiment}
          options={planOptions}
          onStart={fromCurrent((plan: RunPlan) => setScreen({ name: 'dashboard', plan }))}
          onBack={toMenu}
        />
      );
    case 'dashboard':
      return <Dashboard plan={screen.plan} session={session} onRunFinished={onRunFinished} onBack={toMenu} saveDir={saveDir} />;
    case 'neuron':
      return <NeuronView experiment={screen.experiment} onBack={toMenu} />;
    case 'softmax':
      return <SoftmaxExplorer onBack={toMenu} />;
  }
}
