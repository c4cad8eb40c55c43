import type { AnyRoute } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { FEATURE_MODULES } from '../../src/web/app/feature-modules.js';
import { layouts } from '../../src/web/routing/layouts.js';

// The web registration seam: each feature hands the app its routes and menu entries
// (`features/<name>/<name>.module.tsx`), and `app/feature-modules.ts` lists them.
/** Each route with the routes below it. */
function allRoutes(routes: readonly AnyRoute[]): AnyRoute[] {
  return routes.flatMap((route) => [route, ...allRoutes(Object.values(route.children ?? {}) as AnyRoute[])]);
}
/** A route's full path from its own path and its parents' (the layouts add none; an index ends in '/'). */
function pathOf(route: AnyRoute): string {
  const own = String((route.options as { path?: string }).path ?? '').replace(/^\/|\/$/g, '');
  const parent = route.options.getParentRoute?.() as AnyRoute | undefined;
  const base =
    !parent || parent === layouts.appLayout || parent === layouts.publicLayout ? '' : pathOf(parent);
  return `${base}/${own}`;
}
const fullPaths = (routes: readonly AnyRoute[]) => allRoutes(routes).map(pathOf);

describe('web feature modules', () => {
  const modules = FEATURE_MODULES.map((module) => ({ module, routes: module.routes(layouts) }));

  it('have distinct ids and distinct route paths', () => {
    const ids = FEATURE_MODULES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const paths = modules.flatMap(({ routes }) => fullPaths(routes));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });

  it('hang every route on the layouts they are given', () => {
    for (const { module, routes } of modules) {
      for (const route of routes) {
        expect([layouts.appLayout, layouts.publicLayout], module.id).toContain(
          route.options.getParentRoute?.(),
        );
      }
    }
  });

  it('link each menu entry to one of the feature’s own routes, with distinct menu positions', () => {
    for (const { module, routes } of modules) {
      const own = fullPaths(routes);
      for (const entry of module.nav) expect(own, `${module.id} ${entry.to}`).toContain(entry.to);
    }
    const orders = FEATURE_MODULES.flatMap((m) => m.nav.map((n) => n.order));
    expect(new Set(orders).size).toBe(orders.length);
  });
});
