import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  RETENTION_RULE_CLASSES,
  RETENTION_RULES,
  type TRetentionPolicy,
  type TRetentionRuleClass,
  type ZRetentionPolicyInputSchema,
} from '../../../contracts/privacy.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { auditPrivacy } from './privacy-shared.js';

/**
 * Retention periods (issue 23, item 1): per organisation and class, set by the DPO within the
 * bounds of RETENTION_RULES (ADR 0026); the admin reads them. Absent a setting, the default applies.
 */

interface PolicyRow {
  organisation_id: string;
  organisation: string;
  retention_class: TRetentionRuleClass;
  period_months: number | null;
  updated_at: Date | null;
  updated_by: string | null;
}

export async function periodsByOrganisation(tx: Tx, retentionClass: TRetentionRuleClass) {
  const rows = await queryRows<{ organisation_id: string; period_months: number }>(
    tx,
    sql`select organisation_id, period_months from privacy_retention_policies where retention_class = ${retentionClass}`,
  );
  const set = new Map(rows.map((r) => [r.organisation_id, r.period_months]));
  return (organisationId: string) => set.get(organisationId) ?? RETENTION_RULES[retentionClass].defaultMonths;
}

export async function listRetentionPolicies({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TRetentionPolicy[]> => {
      const rows = await queryRows<PolicyRow>(
        tx,
        sql`select o.id as organisation_id, o.name as organisation, k.retention_class,
                   p.period_months, p.updated_at, u.display_name as updated_by
              from organisations o
              cross join unnest(${`{${RETENTION_RULE_CLASSES.join(',')}}`}::text[]) as k(retention_class)
              left join privacy_retention_policies p on p.organisation_id = o.id and p.retention_class = k.retention_class
              left join users u on u.id = p.updated_by
             order by o.name, o.id, array_position(${`{${RETENTION_RULE_CLASSES.join(',')}}`}::text[], k.retention_class)`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.retention_policies_read',
        recordType: 'privacy_retention_policy',
        details: { count: rows.length },
      });
      return rows.map((r) => {
        const rule = RETENTION_RULES[r.retention_class];
        return {
          organisationId: r.organisation_id,
          organisation: r.organisation,
          retentionClass: r.retention_class,
          event: rule.event,
          periodMonths: r.period_months ?? rule.defaultMonths,
          isDefault: r.period_months === null,
          minMonths: rule.minMonths,
          maxMonths: rule.maxMonths,
          applied: rule.applied,
          updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
          updatedBy: r.updated_by,
        };
      });
    },
  });
}

const MONTHS = (n: number) => ({ it: `${n} mesi`, en: `${n} months` });

export async function setRetentionPolicy({
  deps,
  ctx,
  organisationId,
  retentionClass,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  organisationId: string;
  retentionClass: TRetentionRuleClass;
  input: z.infer<typeof ZRetentionPolicyInputSchema>;
}) {
  const rule = RETENTION_RULES[retentionClass];
  if (input.periodMonths < rule.minMonths) {
    const min = MONTHS(rule.minMonths);
    throw problems.field('periodMonths', 'below_legal_minimum', {
      it: `Il periodo non può essere più breve del minimo di legge: ${min.it}.`,
      en: `The period cannot be shorter than the legal minimum: ${min.en}.`,
    });
  }
  if (input.periodMonths > rule.maxMonths) {
    const max = MONTHS(rule.maxMonths);
    throw problems.field('periodMonths', 'above_maximum', {
      it: `Il periodo non può superare ${max.it}: oltre, i dati non servono più allo scopo.`,
      en: `The period cannot exceed ${max.en}: beyond it the data no longer serve their purpose.`,
    });
  }
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [organisation] = await queryRows<{ id: string }>(
        tx,
        sql`select id from organisations where id = ${organisationId}`,
      );
      if (!organisation) throw problems.notFound();
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into privacy_retention_policies (organisation_id, retention_class, period_months, updated_by)
            values (${organisationId}, ${retentionClass}, ${input.periodMonths}, ${ctx.userId})
            on conflict (organisation_id, retention_class)
            do update set period_months = excluded.period_months, updated_by = excluded.updated_by, updated_at = now()
            returning id`,
      );
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.retention_policy_set',
        recordType: 'privacy_retention_policy',
        recordId: row!.id,
        details: { organisationId, retentionClass, periodMonths: input.periodMonths },
      });
    },
  });
}
