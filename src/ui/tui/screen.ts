// What a screen is: a component with its parameters, opened by the navigator. Screens get what
// outlives them (options, the session's finished runs, a memory that survives leaving a screen)
// through the ScreenContext, and never import the App. See docs/architecture.md, "A screen".
import { createElement, type ComponentType, type ReactElement } from 'react';
import type { SessionRun } from './dashboard/dashboardSelectors.js';
import type { PlanOptions } from './settings/runPlan.js';

export interface Navigator {
  /** Opens a screen on top of this one (back returns here). */
  open(route: Route): void;
  /** Opens a screen in place of this one (back skips it). */
  replace(route: Route): void;
  /** The screen below this one; quits from the menu. */
  back(): void;
  quit(): void;
}

export interface ScreenContext {
  nav: Navigator;
  /** Data folder, data caps and preset overrides for the runs. */
  planOptions: PlanOptions;
  /** Folder `w` saves networks to; the working folder by default. */
  saveDir?: string;
  /** Runs folder the dashboard records into and Past runs lists; undefined: --no-record. */
  runsDir?: string;
  /** Finished runs of this session (overlaid by `c`). */
  session: readonly SessionRun[];
  addSessionRun(run: SessionRun): void;
  /** Values a screen keeps across visits (the menu's highlighted entry, …), by key. */
  memory: Map<string, unknown>;
}

export interface ScreenProps<P> {
  params: P;
  ctx: ScreenContext;
}

export interface ScreenDefinition<P> {
  id: string;
  Component: ComponentType<ScreenProps<P>>;
}

/** A screen to show, with its parameters bound. */
export interface Route {
  id: string;
  render(ctx: ScreenContext): ReactElement;
}

export function route<P>(screen: ScreenDefinition<P>, params: P): Route {
  return { id: screen.id, render: (ctx) => createElement(screen.Component, { params, ctx }) };
}

/** A screen listed in the menu (under "Your own"): title, description and how to open it. */
export interface MenuListing {
  key: string;
  title: string;
  description: string;
  open: () => Route;
}
