import type { FastifyInstance, RouteOptions } from 'fastify';
import { type TPermission, ZPermissionSchema } from '../../../contracts/roles.js';

/**
 * What a route needs. `public`: nobody signed in; `session`: a signed-in session that may still
 * be waiting for its second factor; `authenticated`: fully signed in, any role; a permission:
 * fully signed in and acting in a role that holds it.
 */
export type RouteAccess = 'public' | 'session' | 'authenticated' | TPermission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RouteDeclaration {
  method: string;
  url: string;
  access: RouteAccess;
}

export class UndeclaredRouteError extends Error {}

function isRouteAccess(value: unknown): value is RouteAccess {
  return (
    value === 'public' ||
    value === 'session' ||
    value === 'authenticated' ||
    ZPermissionSchema.safeParse(value).success
  );
}

/**
 * Collects every route's declaration and refuses to register a route without one: default deny
 * is a build failure, not a code-review hope. HEAD routes Fastify adds inherit their GET's config.
 */
export function collectRouteDeclarations(app: FastifyInstance): RouteDeclaration[] {
  const declarations: RouteDeclaration[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    if (!isRouteAccess(access)) {
      throw new UndeclaredRouteError(`route ${String(route.method)} ${route.url} declares no access`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      declarations.push({ method, url: route.url, access });
    }
  });
  return declarations;
}
