import { breakGlassGrants } from '../../platform/access/access.sql.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { DemoSeedContext } from '../../platform/module.js';

const HOUR = 3_600_000;

/**
 * One emergency access from two days ago, expired and not yet reviewed, so the DPO's home and the
 * review have something to show: the coordinator looked up a colleague's account while on call.
 */
export async function seedBreakGlassDemo({ tx, userIds }: DemoSeedContext) {
  const grantedAt = new Date(Date.now() - 48 * HOUR);
  const userId = userIds.get('coordinatrice')!;
  const recordId = userIds.get('operatrice')!;
  const reason =
    'Reperibilità notturna: verifica dei recapiti della referente del caso, assente per malattia.';
  const [grant] = await tx
    .insert(breakGlassGrants)
    .values({
      userId,
      recordType: 'user',
      recordId,
      reason,
      grantedAt,
      expiresAt: new Date(grantedAt.getTime() + 2 * HOUR),
    })
    .returning({ id: breakGlassGrants.id });
  await writeAudit({
    tx,
    actor: {
      userId,
      username: 'coordinatrice',
      role: 'coordinator',
      serviceId: null,
      clientIp: null,
    },
    event: {
      action: 'break_glass.granted',
      recordType: 'user',
      recordId,
      purpose: reason,
      details: { grantId: grant!.id, hours: 2, demo: true },
    },
  });
}
