import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { TIncident, TIncidentSummary } from '../../../contracts/observatory.js';
import type { Tx } from '../../platform/db/client.js';
import { incidents } from './observatory.sql.js';

/**
 * Data access for incidents. Every query runs inside the request's scoped transaction, where
 * row-level security already limits trama_app to the acting service's incidents; the explicit
 * service filter is the policy (observatory.policy.ts), RLS the backstop.
 */
export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentValues = Omit<typeof incidents.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export function toIncident(row: IncidentRow): TIncident {
  return {
    id: row.id,
    status: row.status as TIncident['status'],
    survivorCode: row.survivorCode,
    incidentMonth: row.incidentMonth,
    age: row.age,
    ageBand: row.ageBand as TIncident['ageBand'],
    birthYear: row.birthYear,
    gender: row.gender as TIncident['gender'],
    citizenship: row.citizenship,
    citizenshipGroup: row.citizenshipGroup as TIncident['citizenshipGroup'],
    yearsInItaly: row.yearsInItaly as TIncident['yearsInItaly'],
    language: row.language,
    disability: row.disability as TIncident['disability'],
    interpreterNeeded: row.interpreterNeeded,
    interpreterUsed: row.interpreterUsed,
    municipality: row.municipality,
    districtId: row.districtId,
    coreType: row.coreType as TIncident['coreType'],
    nonGbvReason: row.nonGbvReason as TIncident['nonGbvReason'],
    forms: row.forms as TIncident['forms'],
    stalking: row.stalking,
    childrenPresent: row.childrenPresent,
    childrenWitnessed: row.childrenWitnessed,
    authorRelationship: row.authorRelationship as TIncident['authorRelationship'],
    authorAddictions: row.authorAddictions as TIncident['authorAddictions'],
    authorPreviousComplaints: row.authorPreviousComplaints as TIncident['authorPreviousComplaints'],
    protectionOrders: row.protectionOrders as TIncident['protectionOrders'],
    riskAssessment: row.riskAssessment as TIncident['riskAssessment'],
    harmfulPractice: row.harmfulPractice,
    harmfulPracticeType: row.harmfulPracticeType as TIncident['harmfulPracticeType'],
    moneyExchanged: row.moneyExchanged as TIncident['moneyExchanged'],
    abduction: row.abduction as TIncident['abduction'],
    contexts: row.contexts as TIncident['contexts'],
    soughtHelpFrom: row.soughtHelpFrom as TIncident['soughtHelpFrom'],
    referredBy: row.referredBy as TIncident['referredBy'],
    referredByServices: row.referredByServices as TIncident['referredByServices'],
    referredTo: row.referredTo as TIncident['referredTo'],
    servicesProvided: row.servicesProvided as TIncident['servicesProvided'],
    consentReporting: row.consentReporting,
    serviceId: row.serviceId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findIncident({ tx, serviceId, id }: { tx: Tx; serviceId: string; id: string }) {
  const [row] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), eq(incidents.serviceId, serviceId)));
  return row ?? null;
}

export async function listIncidents({
  tx,
  serviceId,
  status,
  coreType,
  page,
  pageSize,
}: {
  tx: Tx;
  serviceId: string;
  status?: string | undefined;
  coreType?: string | undefined;
  page: number;
  pageSize: number;
}) {
  const filters: SQL[] = [eq(incidents.serviceId, serviceId)];
  if (status) filters.push(eq(incidents.status, status));
  if (coreType) filters.push(eq(incidents.coreType, coreType));
  const where = and(...filters);
  const rows = await tx
    .select()
    .from(incidents)
    .where(where)
    .orderBy(desc(incidents.updatedAt), desc(incidents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(incidents).where(where);
  const items: TIncidentSummary[] = rows.map((row) => {
    const { id, status, survivorCode, incidentMonth, coreType, ageBand, consentReporting, updatedAt } =
      toIncident(row);
    return { id, status, survivorCode, incidentMonth, coreType, ageBand, consentReporting, updatedAt };
  });
  return { items, page, pageSize, total: total?.n ?? 0 };
}

export async function insertIncidents({ tx, values }: { tx: Tx; values: IncidentValues[] }) {
  if (values.length === 0) return [];
  return tx.insert(incidents).values(values).onConflictDoNothing().returning({ id: incidents.id });
}

export async function updateIncident({ tx, id, values }: { tx: Tx; id: string; values: IncidentValues }) {
  const [row] = await tx
    .update(incidents)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(incidents.id, id))
    .returning();
  return row!;
}

export async function deleteDraft({ tx, id }: { tx: Tx; id: string }) {
  const rows = await tx
    .delete(incidents)
    .where(and(eq(incidents.id, id), eq(incidents.status, 'draft')))
    .returning({ id: incidents.id });
  return rows.length > 0;
}
