import { sql } from 'drizzle-orm';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCase } from './cases.policy.js';

import { iso } from './cases.service.js';

/** A case's timeline (what happened, in order, as the viewer may see it) and the staff who can join its team. */
export async function caseTimeline({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({
        tx,
        id,
        needs: ['clinical', 'supervisor', 'break_glass'],
      });
      const events = await queryRows<{ at: Date; kind: string; detail: string | null }>(
        tx,
        sql`select * from (
              select referral_sent_at as at, 'referral_sent' as kind, null::text as detail from cases where id = ${id}
              union all select opened_at, 'accepted', null from cases where id = ${id}
              union all select plan_approved_at, 'plan_approved', null from cases where id = ${id}
              union all select closure_requested_at, 'closure_requested', closure_outcome from cases where id = ${id}
              union all select closed_at, 'closed', closure_outcome from cases where id = ${id}
              union all select starts_at, 'session', kind from case_sessions where case_id = ${id}
            ) e where at is not null order by at, kind`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case.timeline_viewed', recordType: 'case', recordId: found.id },
      });
      return events.map((e) => ({ at: iso(e.at)!, kind: e.kind as never, detail: e.detail }));
    },
  });
}

/**
 * Staff who can be named on a case or excluded from a person: the members of the case's (or the
 * household's) service and every mediator. Names and roles only.
 */
export async function staffCandidates({
  deps,
  ctx,
  caseId,
  personId,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId?: string | undefined;
  personId?: string | undefined;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      let serviceId: string | null = null;
      if (caseId)
        serviceId = (await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor'] })).serviceId;
      else if (personId) {
        const [row] = await queryRows<{ service: string }>(
          tx,
          sql`select h.owner_service_id as service from people p join households h on h.id = p.household_id where p.id = ${personId}`,
        );
        if (!row) throw problems.notFound();
        serviceId = row.service;
      } else serviceId = ctx.serviceId;
      return unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string; displayName: string; role: string }>(
          sys,
          sql`select distinct u.id, u.display_name as "displayName", m.role from users u
              join memberships m on m.user_id = u.id
              where u.disabled_at is null and (m.service_id = ${serviceId} or m.role = 'mediator')
              order by 2`,
        ),
      );
    },
  });
}
