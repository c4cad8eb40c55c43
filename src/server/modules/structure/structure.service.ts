import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TOrganisationKind,
  TServiceKind,
  ZDistrictCreateSchema,
  ZDistrictUpdateSchema,
  ZMunicipalityUpdateSchema,
  ZOrganisationCreateSchema,
  ZOrganisationUpdateSchema,
  ZServiceCreateSchema,
  ZServiceUpdateSchema,
} from '../../../contracts/structure.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { districts, municipalities, organisations, services } from '../../platform/tenancy/tenancy.sql.js';

/** Organisation structure is not personal data: any signed-in role reads it, admins write it. */
export function listDistricts({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: (tx) =>
      tx
        .select({
          id: districts.id,
          code: districts.code,
          name: districts.name,
          managingBody: districts.managingBody,
          municipalityCount: sql<number>`(select count(*)::int from municipalities m where m.district_id = ${districts.id})`,
        })
        .from(districts)
        .orderBy(districts.name),
  });
}

export function listMunicipalities({
  deps,
  ctx,
  districtId,
}: {
  deps: Deps;
  ctx: AccessContext;
  districtId?: string | undefined;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: (tx) =>
      tx
        .select()
        .from(municipalities)
        .where(districtId ? eq(municipalities.districtId, districtId) : undefined)
        .orderBy(municipalities.name),
  });
}

export function listOrganisations({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: (tx) =>
      tx
        .select({
          id: organisations.id,
          name: organisations.name,
          kind: sql<TOrganisationKind>`${organisations.kind}`,
          districtId: organisations.districtId,
          serviceCount: sql<number>`(select count(*)::int from services s where s.organisation_id = ${organisations.id})`,
        })
        .from(organisations)
        .orderBy(organisations.name),
  });
}

export function listServices({
  deps,
  ctx,
  organisationId,
}: {
  deps: Deps;
  ctx: AccessContext;
  organisationId?: string | undefined;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: (tx) =>
      tx
        .select({
          id: services.id,
          organisationId: services.organisationId,
          organisationName: organisations.name,
          name: services.name,
          kind: sql<TServiceKind>`${services.kind}`,
          districtId: services.districtId,
          active: services.active,
        })
        .from(services)
        .innerJoin(organisations, eq(organisations.id, services.organisationId))
        .where(organisationId ? eq(services.organisationId, organisationId) : undefined)
        .orderBy(organisations.name, services.name),
  });
}

/**
 * One audited write: the change and its event in one transaction; a unique or foreign-key
 * violation becomes a field error naming the field.
 */
async function auditedWrite<T>({
  deps,
  ctx,
  action,
  recordType,
  work,
  uniqueField,
  referenceField,
}: {
  deps: Deps;
  ctx: AccessContext;
  action: AuditAction;
  recordType: string;
  work: (tx: Tx) => Promise<{ id: string; result: T } | null>;
  uniqueField: string;
  referenceField: string;
}): Promise<T> {
  try {
    const done = await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        const out = await work(tx);
        if (!out) return null;
        await writeAudit({ tx, actor: actorOf(ctx), event: { action, recordType, recordId: out.id } });
        return out.result;
      },
    });
    if (done === null) throw problems.notFound();
    return done;
  } catch (error) {
    rethrowConstraintViolation(error, {
      unique: { field: uniqueField },
      reference: { field: referenceField },
    });
  }
}

type Input<S extends z.ZodType> = z.infer<S>;
interface WriteArgs<S extends z.ZodType> {
  deps: Deps;
  ctx: AccessContext;
  input: Input<S>;
}

export function createDistrict({ deps, ctx, input }: WriteArgs<typeof ZDistrictCreateSchema>) {
  return auditedWrite({
    deps,
    ctx,
    action: 'district.created',
    recordType: 'district',
    uniqueField: 'code',
    referenceField: 'districtId',
    work: async (tx) => {
      const [row] = await tx
        .insert(districts)
        .values({ ...input, managingBody: input.managingBody ?? null })
        .returning({
          id: districts.id,
          code: districts.code,
          name: districts.name,
          managingBody: districts.managingBody,
        });
      return { id: row!.id, result: { ...row!, municipalityCount: 0 } };
    },
  });
}

export function updateDistrict({
  deps,
  ctx,
  id,
  input,
}: WriteArgs<typeof ZDistrictUpdateSchema> & { id: string }) {
  return auditedWrite({
    deps,
    ctx,
    action: 'district.updated',
    recordType: 'district',
    uniqueField: 'code',
    referenceField: 'districtId',
    work: async (tx) => {
      const [row] = await tx
        .update(districts)
        .set(input)
        .where(eq(districts.id, id))
        .returning({ id: districts.id });
      return row ? { id: row.id, result: row } : null;
    },
  });
}

export function moveMunicipality({
  deps,
  ctx,
  istatCode,
  input,
}: WriteArgs<typeof ZMunicipalityUpdateSchema> & { istatCode: string }) {
  return auditedWrite({
    deps,
    ctx,
    action: 'municipality.updated',
    recordType: 'municipality',
    uniqueField: 'istatCode',
    referenceField: 'districtId',
    work: async (tx) => {
      const [row] = await tx
        .update(municipalities)
        .set({ districtId: input.districtId })
        .where(eq(municipalities.istatCode, istatCode))
        .returning();
      return row ? { id: row.istatCode, result: row } : null;
    },
  });
}

export function createOrganisation({ deps, ctx, input }: WriteArgs<typeof ZOrganisationCreateSchema>) {
  return auditedWrite({
    deps,
    ctx,
    action: 'organisation.created',
    recordType: 'organisation',
    uniqueField: 'name',
    referenceField: 'districtId',
    work: async (tx) => {
      const [row] = await tx
        .insert(organisations)
        .values(input)
        .returning({ id: organisations.id, name: organisations.name, districtId: organisations.districtId });
      return { id: row!.id, result: { ...row!, kind: input.kind, serviceCount: 0 } };
    },
  });
}

export function updateOrganisation({
  deps,
  ctx,
  id,
  input,
}: WriteArgs<typeof ZOrganisationUpdateSchema> & { id: string }) {
  return auditedWrite({
    deps,
    ctx,
    action: 'organisation.updated',
    recordType: 'organisation',
    uniqueField: 'name',
    referenceField: 'districtId',
    work: async (tx) => {
      const [row] = await tx
        .update(organisations)
        .set(input)
        .where(eq(organisations.id, id))
        .returning({ id: organisations.id });
      return row ? { id: row.id, result: row } : null;
    },
  });
}

export function createService({ deps, ctx, input }: WriteArgs<typeof ZServiceCreateSchema>) {
  return auditedWrite({
    deps,
    ctx,
    action: 'service.created',
    recordType: 'service',
    uniqueField: 'name',
    referenceField: 'organisationId',
    work: async (tx) => {
      const [row] = await tx.insert(services).values(input).returning({ id: services.id });
      return { id: row!.id, result: row! };
    },
  });
}

export function updateService({
  deps,
  ctx,
  id,
  input,
}: WriteArgs<typeof ZServiceUpdateSchema> & { id: string }) {
  return auditedWrite({
    deps,
    ctx,
    action: 'service.updated',
    recordType: 'service',
    uniqueField: 'name',
    referenceField: 'districtId',
    work: async (tx) => {
      const [row] = await tx
        .update(services)
        .set(input)
        .where(eq(services.id, id))
        .returning({ id: services.id });
      return row ? { id: row.id, result: row } : null;
    },
  });
}
