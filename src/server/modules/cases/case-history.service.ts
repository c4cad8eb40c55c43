import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Deps } from '../../platform/deps.js';
import { requireCase } from './cases.policy.js';
import { ownerServiceOfPerson, staffOf, timelineOf } from './cases.repository.js';

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
      const events = await timelineOf({ tx, id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'case.timeline_viewed', recordType: 'case', recordId: found.id },
      });
      return events;
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
        const row = await ownerServiceOfPerson({ tx, personId });
        if (!row) throw new OutOfScope('person', personId);
        serviceId = row.service;
      } else serviceId = ctx.serviceId;
      return staffOf({ tx, serviceId });
    },
  });
}
