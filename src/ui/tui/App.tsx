// The screens and what outlives them: a stack of screens (the menu at the bottom), the session's
// finished runs and the screens' memory. Keys reach the screen on top through the key layer.
import { useApp } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TrainConfig } from '../../core/types.js';
import { ColorContext } from './charts/colors.js';
import type { SessionRun } from './dashboard/dashboardSelectors.js';
import { KeyLayer } from './input/KeyLayer.js';
import { menuScreen } from './menu/Menu.js';
import { route, type Navigator, type Route, type ScreenContext } from './screen.js';
import type { DataOptions, PlanOptions } from './settings/runPlan.js';

export interface AppProps {
  /** MNIST folder; the embedded copy by default. */
  dataDir?: string;
  /** Caps on the data, for quick runs and tests. */
  dataOptions?: DataOptions;
  /** Applied to every preset before the settings screen (tests: { epochs: 2 }). */
  presetOverrides?: Partial<TrainConfig>;
  /** Folder `w` saves networks to; the working directory by default. */
  saveDir?: string;
  /** Runs folder (recorded runs, Past runs); undefined records nothing. */
  runsDir?: string;
  /** Colour codes in the charts; false under NO_COLOR. */
  color?: boolean;
}

interface Shown {
  route: Route;
  /** Distinguishes two visits of one screen, so each starts afresh. */
  visit: number;
}

export function App({ dataDir, dataOptions, presetOverrides, saveDir, runsDir, color = true }: AppProps) {
  const { exit } = useApp();
  const visits = useRef(0);
  const shown = (next: Route): Shown => ({ route: next, visit: visits.current++ });
  const [stack, setStack] = useState<Shown[]>(() => [{ route: route(menuScreen, undefined), visit: -1 }]);
  const [session, setSession] = useState<SessionRun[]>([]);
  const memory = useRef(new Map<string, unknown>()).current;
  const planOptions = useMemo<PlanOptions>(
    () => ({ dataDir, dataOptions, presetOverrides }),
    [dataDir, dataOptions, presetOverrides],
  );
  const addSessionRun = useCallback((run: SessionRun) => setSession((runs) => [...runs, run]), []);

  const nav = useMemo<Navigator>(
    () => ({
      open: (next) => setStack((screens) => [...screens, shown(next)]),
      replace: (next) => setStack((screens) => [...screens.slice(0, -1), shown(next)]),
      back: () =>
        setStack((screens) => {
          if (screens.length > 1) return screens.slice(0, -1);
          exit();
          return screens;
        }),
      quit: () => exit(),
    }),
    [exit],
  );
  const ctx = useMemo<ScreenContext>(
    () => ({ nav, planOptions, saveDir, runsDir, session, addSessionRun, memory }),
    [nav, planOptions, saveDir, runsDir, session, addSessionRun, memory],
  );
  const top = stack[stack.length - 1]!;
  return (
    <ColorContext.Provider value={color}>
      <KeyLayer onInterrupt={exit}>
        <TopScreen key={top.visit} shown={top} ctx={ctx} />
      </KeyLayer>
    </ColorContext.Provider>
  );
}

function TopScreen({ shown, ctx }: { shown: Shown; ctx: ScreenContext }) {
  return shown.route.render(ctx);
}
