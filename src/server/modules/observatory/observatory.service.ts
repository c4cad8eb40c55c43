import {
  incidentIssues,
  neverAskedOf,
  type TImportResult,
  type TIncidentInput,
} from '../../../contracts/observatory.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { notFoundAudited } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { fieldErrorsOf } from '../../platform/http/validation-messages.js';
import {
  importKeyOf,
  MAX_IMPORT_ISSUES,
  parseRegister,
  readRegister,
  recordIssue,
  registerFormatOf,
} from './observatory.import.js';
import { type ImportIssue, registerProblem } from './observatory.import-errors.js';
import { loadReferenceLists } from './observatory.import-vocabulary.js';
import { recordingServiceOf } from './observatory.policy.js';
import { incidentValues, loadReference, survivorCoder } from './observatory.records.js';
import {
  deleteDraft,
  findIncident,
  type IncidentValues,
  insertIncidents,
  listIncidents,
  toIncident,
  updateIncident,
} from './observatory.repository.js';

/** Drafts of the acting service, for the home page: a draft is a number missing from the statistics. */
export async function draftsToFinish({ tx, ctx }: { tx: Tx; ctx: AccessContext }) {
  if (!ctx.serviceId) return 0;
  return (await listIncidents({ tx, serviceId: ctx.serviceId, status: 'draft', page: 1, pageSize: 1 })).total;
}

export function searchIncidents({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { status?: string | undefined; coreType?: string | undefined; page: number; pageSize: number };
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = await recordingServiceOf({ tx, ctx });
      const page = await listIncidents({ tx, serviceId, ...query });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'incident.listed', details: { shown: page.items.length, page: query.page } },
      });
      return page;
    },
  });
}

export async function getIncident({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const found = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = await recordingServiceOf({ tx, ctx });
      const row = await findIncident({ tx, serviceId, id });
      if (!row) return null;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'incident.read', recordType: 'incident', recordId: id },
      });
      return toIncident(row);
    },
  });
  return found ?? notFoundAudited({ db: deps.db, ctx, recordType: 'incident', id });
}

export function createIncident({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TIncidentInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = await recordingServiceOf({ tx, ctx });
      const survivorCode = input.survivorReference
        ? (await survivorCoder({ tx, keyring: deps.keyring, serviceId }))(input.survivorReference)
        : null;
      const result = incidentValues({
        input,
        ref: await loadReference(tx),
        serviceId,
        createdBy: ctx.userId,
        survivorCode,
      });
      if ('errors' in result) throw problems.fields(result.errors);
      const [created] = await insertIncidents({ tx, values: [result.values] });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'incident.created',
          recordType: 'incident',
          recordId: created!.id,
          details: { status: input.status },
        },
      });
      return toIncident((await findIncident({ tx, serviceId, id: created!.id }))!);
    },
  });
}

export async function replaceIncident({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TIncidentInput;
}) {
  const updated = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = await recordingServiceOf({ tx, ctx });
      const existing = await findIncident({ tx, serviceId, id });
      if (!existing) return null;
      if (existing.status === 'recorded' && input.status === 'draft') {
        throw problems.conflict({
          it: 'Un episodio registrato non può tornare bozza.',
          en: 'A recorded incident cannot go back to draft.',
        });
      }
      // The later questions are waived only where the stored record never answered them.
      const issues = incidentIssues(input, new Date(), neverAskedOf(existing));
      if (issues.length > 0)
        throw problems.fields(
          fieldErrorsOf(
            issues.map((i) => ({ code: 'custom', ...i })),
            '',
          ),
        );
      const survivorCode = input.survivorReference
        ? (await survivorCoder({ tx, keyring: deps.keyring, serviceId }))(input.survivorReference)
        : existing.survivorCode;
      const result = incidentValues({
        input,
        ref: await loadReference(tx),
        serviceId,
        createdBy: existing.createdBy,
        survivorCode,
        importKey: existing.importKey,
      });
      if ('errors' in result) throw problems.fields(result.errors);
      const row = await updateIncident({ tx, id, values: result.values });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'incident.updated',
          recordType: 'incident',
          recordId: id,
          details: { status: input.status },
        },
      });
      return toIncident(row);
    },
  });
  return updated ?? notFoundAudited({ db: deps.db, ctx, recordType: 'incident', id });
}

export async function removeDraft({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const removed = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = await recordingServiceOf({ tx, ctx });
      if (!(await findIncident({ tx, serviceId, id }))) return false;
      // Deletes drafts only (repository filter, RLS beneath): a recorded incident stays.
      if (!(await deleteDraft({ tx, id }))) {
        throw problems.conflict({
          it: 'Solo le bozze si possono eliminare.',
          en: 'Only drafts can be deleted.',
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'incident.deleted', recordType: 'incident', recordId: id },
      });
      return true;
    },
  });
  if (!removed) await notFoundAudited({ db: deps.db, ctx, recordType: 'incident', id });
}

/**
 * Imports a register: every row is checked first; one bad row writes nothing. Rows already
 * imported (same content, same service) are counted, not created again.
 */
export async function importRegister({
  deps,
  ctx,
  contentType,
  body,
}: {
  deps: Deps;
  ctx: AccessContext;
  contentType: string | undefined;
  body: unknown;
}): Promise<TImportResult> {
  const { format, data } = registerFormatOf({ contentType, body });
  // The upload guard reads the file before a transaction opens: a refused file costs no connection.
  const table = await readRegister({ data, format });
  // Names as the form's drop-downs show them (countries, languages, comuni) are read as codes. The
  // lists are read in a short transaction and the file is checked outside any: a slow file holds no connection.
  const reference = await scoped({ db: deps.db, ctx, work: (tx) => loadReferenceLists(tx) });
  const parsed = parseRegister({ table, reference });
  if ('issues' in parsed) throw registerProblem(parsed.issues, parsed.issues.length >= MAX_IMPORT_ISSUES);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const serviceId = await recordingServiceOf({ tx, ctx });
      const code = await survivorCoder({ tx, keyring: deps.keyring, serviceId });
      const ref = await loadReference(tx);
      const issues: ImportIssue[] = [];
      const values: IncidentValues[] = [];
      for (const { line, input, entry } of parsed.rows) {
        const survivorCode = input.survivorReference ? code(input.survivorReference) : null;
        const result = incidentValues({ input, ref, serviceId, createdBy: ctx.userId, survivorCode });
        if ('errors' in result) {
          issues.push(...result.errors.map((e) => recordIssue(line, e)));
        } else {
          values.push({ ...result.values, importKey: importKeyOf({ values: result.values, entry }) });
        }
      }
      if (issues.length > 0) throw registerProblem(issues);
      let created = 0;
      for (let start = 0; start < values.length; start += 500) {
        created += (await insertIncidents({ tx, values: values.slice(start, start + 500) })).length;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'incident.imported', details: { format, rows: values.length, created } },
      });
      return { rows: values.length, created, alreadyPresent: values.length - created };
    },
  });
}
