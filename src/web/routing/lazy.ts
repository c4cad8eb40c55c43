import { lazyRouteComponent } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/**
 * A page loaded on first use, from its feature's `<feature>.pages.ts` (one chunk per feature). Used as a route
 * component, the router loads it before it renders the route.
 */
export const lazyPage = lazyRouteComponent;

interface Preloadable {
  preload?: (() => Promise<void> | undefined) | undefined;
}

/**
 * A route component that hands URL params and search to lazy pages: the router loads those pages
 * before it renders the route (as it does for a lazy route component), so nothing flashes.
 */
export function routeWith<C extends () => ReactNode>(
  pages: readonly Preloadable[],
  component: C,
): C & { preload: () => Promise<void> } {
  return Object.assign(component, {
    preload: async () => {
      await Promise.all(pages.map((page) => page.preload?.()));
    },
  });
}
