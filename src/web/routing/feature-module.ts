import type { AnyRoute } from '@tanstack/react-router';
import type { TPermission } from '../../contracts/index.js';
import type { I18nBundle } from '../i18n/merge.js';
import type { Layouts } from './layouts.js';

/** One entry of the main menu. */
export interface NavEntry {
  /** A path of one of the feature's own routes. */
  to: string;
  /** An i18n key (shared keys such as `nav.*` live in `src/web/i18n/`). */
  labelKey: string;
  /** The permissions that open it (any of them); null: everyone signed in. */
  anyOf: readonly TPermission[] | null;
  /** Current only on its own path, not below it (a page whose sub-page has its own entry). */
  exact?: boolean;
  /** Position in the menu, ascending. */
  order: number;
}

/**
 * What a web feature hands to the app: its routes, hung on the layouts it is given (guards, search
 * validation and page components are the feature's own), its menu entries and its messages. `app/`
 * only lists the modules (`app/feature-modules.ts`); the router, the menu and i18n assemble them.
 */
export interface FeatureModule {
  id: string;
  /**
   * Creates the feature's routes on the given layouts. Name each route in a const, return them
   * `as const`, load pages with `lazyPage` and declare the module `satisfies FeatureModule`, so the
   * route tree keeps its precise types (`app/router.tsx` fails to compile if they are lost).
   */
  routes: (layouts: Layouts) => readonly AnyRoute[];
  nav: readonly NavEntry[];
  /** The feature's messages (`./i18n/it.json`, `./i18n/en.json`), merged into the one catalogue. */
  i18n: I18nBundle;
}

/** The route nodes a list of modules creates (their precise types, for the typed route tree). */
export type RoutesOf<M> = M extends { routes: (layouts: Layouts) => readonly (infer R)[] } ? R : never;
