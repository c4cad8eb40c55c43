import type { SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TAttentionItem } from '../../contracts/home.js';
import type { AccessContext } from './access/access-context.js';
import { queryRows, type Tx } from './db/client.js';
import type { Deps } from './deps.js';

/**
 * What a module gives the platform (docs/adding-a-module.md). A module exports one of these from
 * `<name>.module.ts`; the composition root (`app.ts`) lists the modules, and the platform merges
 * what they give. Nothing outside a module's folder imports its internals.
 */
export interface TramaModule {
  /** The module's folder under src/server/modules. */
  name: string;
  /** Its routes; every route declares its access (platform/access/route-access.ts). */
  routes: (deps: Deps) => FastifyPluginAsyncZod;
  /**
   * What needs the signed-in user's attention in this module, counted as the viewer (row-level
   * security applies: the transaction is the request's). Items with a count of 0 are dropped.
   */
  attention?: (args: { tx: Tx; ctx: AccessContext }) => Promise<TAttentionItem[]>;
}

/** One `count(*)::int as n` query's number, for attention items. */
export async function countOf(tx: Tx, query: SQL): Promise<number> {
  return Number((await queryRows<{ n: number }>(tx, query))[0]?.n ?? 0);
}
