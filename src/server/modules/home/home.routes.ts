import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type TAttentionItem, ZHomeSchema } from '../../../contracts/home.js';
import { requireAccess, scoped } from '../../platform/access/access-hook.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { caseReminders } from '../cases/cases.service.js';
import { draftsToFinish } from '../observatory/observatory.service.js';

/** What needs the user's attention, by role; every count runs as the viewer (RLS applies). */
export const homeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/home',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['home'],
          summary: 'What needs the signed-in user\u2019s attention',
          response: { 200: ZHomeSchema },
        },
      },
      async (request) => {
        const ctx = requireAccess(request);
        return scoped({
          db: deps.db,
          ctx,
          work: async (tx) => {
            const one = async (query: SQL) => Number((await queryRows<{ n: number }>(tx, query))[0]?.n ?? 0);
            const items: TAttentionItem[] = [];
            const own = await one(
              sql`select count(*)::int as n from break_glass_grants where user_id = ${ctx.userId} and revoked_at is null and expires_at > now()`,
            );
            items.push({ kind: 'own_break_glass_active', count: own, link: '/break-glass' });
            if (ctx.permissions.has('users.write')) {
              items.push({
                kind: 'mfa_not_enrolled_users',
                count: await one(
                  sql`select count(*)::int as n from users where mfa_enrolled_at is null and disabled_at is null`,
                ),
                link: '/users',
              });
            }
            if (ctx.permissions.has('roles.approve')) {
              // Roles waiting for a second person that this viewer may decide (not their own asks).
              items.push({
                kind: 'role_grants_to_decide',
                count: await one(
                  sql`select count(*)::int as n from role_grants where status = 'pending' and expires_at > now()
                       and requested_by <> ${ctx.userId} and user_id <> ${ctx.userId}
                       and (role <> 'dpo' or ${ctx.role} = 'dpo')`,
                ),
                link: '/role-grants',
              });
            }
            if (ctx.permissions.has('audit.read')) {
              items.push({
                kind: 'break_glass_recent',
                count: await one(
                  sql`select count(*)::int as n from break_glass_grants where granted_at > now() - interval '7 days'`,
                ),
                link: '/break-glass',
              });
              items.push({
                kind: 'audit_unsealed',
                count: await one(
                  sql`select count(*)::int as n from audit_events where chain_seq is null and occurred_at < now() - interval '1 minute'`,
                ),
                link: '/audit',
              });
            }
            if (ctx.permissions.has('incidents.record')) {
              // Drafts are never counted: an unfinished record is a missing number in the observatory.
              items.push({
                kind: 'incident_drafts',
                count: await draftsToFinish({ tx, ctx }),
                link: '/incidents',
              });
            }
            if (ctx.permissions.has('cases.read')) items.push(...(await caseReminders({ tx, ctx })));
            items.push({
              kind: 'password_old',
              count: await one(
                sql`select count(*)::int as n from users where id = ${ctx.userId} and password_changed_at < now() - interval '365 days'`,
              ),
              link: '/account/password',
            });
            return { attention: items.filter((i) => i.count > 0) };
          },
        });
      },
    );
  };
