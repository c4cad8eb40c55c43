import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TLegalHold, ZLegalHoldInputSchema, ZLegalHoldLiftSchema } from '../../../contracts/privacy.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { auditPrivacy, caseErasure, holdInForce } from './privacy-shared.js';

/**
 * Legal holds (issue 23, item 1): a court proceeding or an authority's request suspends the
 * anonymisation of one household, with a reason, a reference and an end. The DPO places and lifts
 * them; the retention run skips a held household and names the hold.
 */

interface HoldRow {
  id: string;
  household_id: string;
  reason: string;
  reference: string;
  starts_on: string;
  ends_on: string | null;
  created_by: string;
  created_at: Date;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_reason: string | null;
  active: boolean;
}

const HOLD_SELECT = sql`select h.id, h.household_id, h.reason, h.reference, h.starts_on::text, h.ends_on::text,
    cu.display_name as created_by, h.created_at, h.lifted_at, lu.display_name as lifted_by, h.lift_reason,
    (${holdInForce('h')}) as active
  from privacy_legal_holds h
  join users cu on cu.id = h.created_by
  left join users lu on lu.id = h.lifted_by`;

async function holdsOf(tx: Tx, rows: HoldRow[]): Promise<TLegalHold[]> {
  const codes = await unsafeAsSystem(tx, (sys) =>
    caseErasure().codesOf({ tx: sys, ids: [...new Set(rows.map((r) => r.household_id))] }),
  );
  return rows.map((r) => ({
    id: r.id,
    householdCode: codes.get(r.household_id) ?? '',
    reason: r.reason,
    reference: r.reference,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    liftedAt: r.lifted_at ? new Date(r.lifted_at).toISOString() : null,
    liftedBy: r.lifted_by,
    liftReason: r.lift_reason,
    active: r.active,
  }));
}

export async function listLegalHolds({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<HoldRow>(
        tx,
        sql`${HOLD_SELECT} order by (h.lifted_at is null) desc, h.created_at desc limit 500`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.legal_holds_listed',
        recordType: 'privacy_legal_hold',
        details: { count: rows.length },
      });
      return holdsOf(tx, rows);
    },
  });
}

export async function placeLegalHold({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZLegalHoldInputSchema>;
}) {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw problems.field('endsOn', 'before_start', {
      it: 'La fine del blocco non può precedere il suo inizio.',
      en: 'The hold cannot end before it starts.',
    });
  }
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // The DPO reads no case: the code is resolved as the system, and nothing but its existence is told.
      const household = await unsafeAsSystem(tx, (sys) =>
        caseErasure().findByCode({ tx: sys, code: input.recordCode.trim().toUpperCase() }),
      );
      if (!household) {
        throw problems.field('recordCode', 'unknown_code', {
          it: 'Nessun nucleo o caso ha questo codice.',
          en: 'No household or case has this code.',
        });
      }
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into privacy_legal_holds (household_id, reason, reference, starts_on, ends_on, created_by)
            values (${household.id}, ${input.reason}, ${input.reference}, ${input.startsOn}, ${input.endsOn}, ${ctx.userId})
            returning id`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.legal_hold_placed',
        recordType: 'privacy_legal_hold',
        recordId: row!.id,
        details: { household: household.code },
      });
      const [hold] = await queryRows<HoldRow>(tx, sql`${HOLD_SELECT} where h.id = ${row!.id}`);
      return (await holdsOf(tx, [hold!]))[0]!;
    },
  });
}

export async function liftLegalHold({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZLegalHoldLiftSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const lifted = await queryRows<{ id: string }>(
        tx,
        sql`update privacy_legal_holds set lifted_at = now(), lifted_by = ${ctx.userId}, lift_reason = ${input.reason}
             where id = ${id} and lifted_at is null returning id`,
      );
      if (lifted.length === 0) {
        const [exists] = await queryRows<{ id: string }>(
          tx,
          sql`select id from privacy_legal_holds where id = ${id}`,
        );
        if (!exists) throw new OutOfScope('privacy_legal_hold', id);
        throw problems.conflict({
          it: 'Il blocco è già stato revocato.',
          en: 'The hold has already been lifted.',
        });
      }
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.legal_hold_lifted',
        recordType: 'privacy_legal_hold',
        recordId: id,
      });
      const [hold] = await queryRows<HoldRow>(tx, sql`${HOLD_SELECT} where h.id = ${id}`);
      return (await holdsOf(tx, [hold!]))[0]!;
    },
  });
}
