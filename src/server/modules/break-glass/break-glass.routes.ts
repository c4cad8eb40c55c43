import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBreakGlassGrantSchema, ZBreakGlassRequestSchema } from '../../../contracts/break-glass.js';
import { breakGlassGrants, notifications } from '../../platform/access/access.sql.js';
import { actorOf } from '../../platform/access/access-context.js';
import { requireAccess, scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { users } from '../../platform/tenancy/tenancy.sql.js';

/** Which table each break-the-glass record type points at, to refuse grants on nothing. */
const RECORD_TABLES = { user: 'users' } as const;

export const breakGlassRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['break-glass'];

    app.post(
      '/api/break-glass',
      {
        config: { access: 'break-glass.request' },
        schema: {
          tags,
          summary:
            'Emergency access to one record outside one\u2019s scope: time-boxed, audited, DPO notified',
          body: ZBreakGlassRequestSchema,
          response: { 201: ZBreakGlassGrantSchema },
        },
      },
      async (request, reply) => {
        const ctx = requireAccess(request);
        const { recordType, recordId, reason, hours } = request.body;
        const grant = await scoped({
          db: deps.db,
          ctx,
          work: async (tx) => {
            const [row] = await tx
              .insert(breakGlassGrants)
              .values({
                userId: ctx.userId,
                recordType,
                recordId,
                reason,
                expiresAt: new Date(Date.now() + hours * 3_600_000),
              })
              .returning();
            const grant = row!;
            // The existence check and the DPOs' addresses are outside the requester's scope by design.
            const { exists, dpos } = await unsafeAsSystem(tx, async (sys) => ({
              exists:
                (
                  await queryRows(
                    sys,
                    sql`select 1 from ${sql.identifier(RECORD_TABLES[recordType])} where id = ${recordId}`,
                  )
                ).length > 0,
              dpos: await queryRows<{ id: string; email: string | null }>(
                sys,
                sql`select distinct u.id, u.email from users u join memberships m on m.user_id = u.id
            where m.role = 'dpo' and u.disabled_at is null`,
              ),
            }));
            if (!exists)
              throw problems.field('recordId', 'unknown', {
                it: 'Record inesistente.',
                en: 'No such record.',
              });
            for (const dpo of dpos) {
              await tx.insert(notifications).values({
                userId: dpo.id,
                kind: 'break_glass',
                payload: { grantId: grant.id, by: ctx.username, recordType, recordId },
              });
            }
            await writeAudit({
              tx,
              actor: actorOf(ctx),
              event: {
                action: 'break_glass.granted',
                recordType,
                recordId,
                purpose: reason,
                details: { grantId: grant.id, hours },
              },
            });
            return { grant, dpoEmails: dpos.map((d) => d.email).filter((e): e is string => Boolean(e)) };
          },
        });
        for (const to of grant.dpoEmails) {
          void deps.mailer
            .send({
              to,
              subject: 'Trama: accesso di emergenza / break-the-glass access',
              text: `${ctx.username} ha aperto un accesso di emergenza (${recordType} ${recordId}) fino a ${grant.grant.expiresAt.toISOString()}.\nMotivo / reason: vedi il registro accessi / see the audit trail.\n`,
            })
            .catch(() => {});
        }
        const g = grant.grant;
        return reply.status(201).send({
          id: g.id,
          userId: g.userId,
          username: ctx.username,
          recordType: 'user' as const,
          recordId: g.recordId,
          reason: g.reason,
          grantedAt: g.grantedAt.toISOString(),
          expiresAt: g.expiresAt.toISOString(),
          active: true,
        });
      },
    );

    app.get(
      '/api/break-glass',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Break-the-glass grants: one\u2019s own, or all for the DPO',
          response: { 200: z.array(ZBreakGlassGrantSchema) },
        },
      },
      async (request) =>
        scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: async (tx) => {
            const rows = await tx
              .select({
                g: breakGlassGrants,
                username: users.username,
                active: sql<boolean>`${breakGlassGrants.revokedAt} is null and ${breakGlassGrants.expiresAt} > now()`,
              })
              .from(breakGlassGrants)
              .innerJoin(users, eq(users.id, breakGlassGrants.userId))
              .orderBy(desc(breakGlassGrants.grantedAt))
              .limit(200);
            return rows.map(({ g, username, active }) => ({
              id: g.id,
              userId: g.userId,
              username,
              recordType: 'user' as const,
              recordId: g.recordId,
              reason: g.reason,
              grantedAt: g.grantedAt.toISOString(),
              expiresAt: g.expiresAt.toISOString(),
              active,
            }));
          },
        }),
    );
  };
