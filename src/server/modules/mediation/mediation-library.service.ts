import { type SQL, sql } from 'drizzle-orm';
import type {
  TMaterial,
  TMaterialInput,
  TMaterialSummary,
  TMaterialVersion,
  TMaterialVersionInput,
  TReviewInput,
} from '../../../contracts/mediation-library.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { isMediationCoordinator } from './mediation.policy.js';
import {
  libraryRefusals,
  requireLanguage,
  requireLibraryWriter,
  requireMaterialKeeper,
} from './mediation-library.policy.js';
import { materialPdf, pdfFileName } from './mediation-library-pdf.js';

/**
 * The intercultural communication unit (issue 18, item 7): the materials library, with a version
 * per language written by a mediator, reviewed and approved by the mediation coordinator (never
 * its author), downloadable as PDF once approved (the glossary is in mediation-glossary.service.ts;
 * who may do what in mediation-library.policy.ts). Nothing here is personal data, so reads are not
 * audited; every write and every download is.
 */

interface MaterialRow {
  id: string;
  owner_service_id: string;
  title: string;
  kind: TMaterial['kind'];
  summary: string | null;
  approved_languages: string[];
  review_languages: string[];
}

const materialColumns = sql`m.id, m.owner_service_id, m.title, m.kind, m.summary,
  coalesce((select array_agg(distinct v.language order by v.language) from mediation_material_versions v
             where v.material_id = m.id and v.status = 'approved'), '{}') as approved_languages,
  coalesce((select array_agg(distinct v.language order by v.language) from mediation_material_versions v
             where v.material_id = m.id and v.status = 'in_review'), '{}') as review_languages`;

const summaryOf = (r: MaterialRow): TMaterialSummary => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  summary: r.summary,
  approvedLanguages: r.approved_languages,
  reviewLanguages: r.review_languages,
});

interface VersionRow {
  id: string;
  material_id: string;
  language: string;
  rtl: boolean;
  version: number;
  title: string;
  body: string;
  status: TMaterialVersion['status'];
  author_id: string;
  reviewer_id: string | null;
  review_comment: string | null;
  approved_at: Date | string | null;
  created_at: Date | string;
}

/** Versions as the caller may see them (RLS: drafts only to writers), with their people's names. */
async function loadVersions(tx: Tx, where: SQL): Promise<(TMaterialVersion & { authorId: string })[]> {
  const rows = await queryRows<VersionRow>(
    tx,
    sql`select v.id, v.material_id, v.language, l.rtl, v.version, v.title, v.body, v.status, v.author_id,
               v.reviewer_id, v.review_comment, v.approved_at, v.created_at
          from mediation_material_versions v join languages l on l.code = v.language
         where ${where} order by l.name_it, v.version desc`,
  );
  // Names of authors and reviewers from other organisations are past the users policy: the
  // versions themselves were judged above.
  const ids = [...new Set(rows.flatMap((r) => [r.author_id, ...(r.reviewer_id ? [r.reviewer_id] : [])]))];
  const names = new Map<string, string>();
  if (ids.length > 0)
    for (const u of await unsafeAsSystem(tx, (sys) =>
      queryRows<{ id: string; display_name: string }>(
        sys,
        sql`select id, display_name from users where id in (${uuidList(ids)})`,
      ),
    ))
      names.set(u.id, u.display_name);
  return rows.map((r) => ({
    id: r.id,
    materialId: r.material_id,
    language: r.language,
    rtl: r.rtl,
    version: r.version,
    title: r.title,
    body: r.body,
    status: r.status,
    authorId: r.author_id,
    authorName: names.get(r.author_id) ?? '',
    reviewerName: r.reviewer_id ? (names.get(r.reviewer_id) ?? '') : null,
    reviewComment: r.review_comment,
    approvedAt: isoTime(r.approved_at),
    createdAt: isoTime(r.created_at) ?? '',
  }));
}

async function requireMaterial(tx: Tx, id: string) {
  const [row] = await queryRows<MaterialRow>(
    tx,
    sql`select ${materialColumns} from mediation_materials m where m.id = ${id}`,
  );
  if (!row) throw new OutOfScope('mediation_material', id);
  return row;
}

async function requireVersion(tx: Tx, id: string) {
  const [version] = await loadVersions(tx, sql`v.id = ${id}`);
  if (!version) throw new OutOfScope('mediation_material_version', id);
  return version;
}

const withoutAuthor = ({ authorId: _a, ...version }: TMaterialVersion & { authorId: string }) => version;

async function materialWithVersions(tx: Tx, id: string): Promise<TMaterial> {
  const row = await requireMaterial(tx, id);
  const versions = await loadVersions(tx, sql`v.material_id = ${id}`);
  const { reviewLanguages: _r, ...summary } = summaryOf(row);
  return { ...summary, versions: versions.map(withoutAuthor) };
}

export async function listMaterials({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<MaterialRow>(
        tx,
        sql`select ${materialColumns} from mediation_materials m order by m.title, m.id limit 1000`,
      );
      return { items: rows.map(summaryOf) };
    },
  });
}

export async function getMaterial({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({ db: deps.db, ctx, work: (tx) => materialWithVersions(tx, id) });
}

/** Creates (no id) or changes a material's title, kind and summary: the keeping service's coordinator. */
export async function saveMaterial({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string | null;
  input: TMaterialInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      let materialId = id;
      if (materialId) {
        const existing = await requireMaterial(tx, materialId);
        await requireMaterialKeeper(tx, existing.owner_service_id);
        await queryRows(
          tx,
          sql`update mediation_materials set title = ${input.title}, kind = ${input.kind},
                     summary = ${input.summary ?? null}, updated_at = now() where id = ${materialId}`,
        );
      } else {
        if (!(await isMediationCoordinator(tx)) || !ctx.serviceId) throw libraryRefusals.notCoordinator();
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into mediation_materials (owner_service_id, title, kind, summary, created_by)
              values (${ctx.serviceId}, ${input.title}, ${input.kind}, ${input.summary ?? null}, ${ctx.userId})
              returning id`,
        );
        materialId = row!.id;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.material_saved',
          recordType: 'mediation_material',
          recordId: materialId,
          details: { created: id === null, kind: input.kind },
        },
      });
      return materialWithVersions(tx, materialId);
    },
  });
}

/** A new draft in a language: the next number for that language; one open draft per language. */
export async function addVersion({
  deps,
  ctx,
  materialId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  materialId: string;
  input: TMaterialVersionInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireLibraryWriter(tx);
      await requireMaterial(tx, materialId);
      await requireLanguage(tx, input.language, 'language');
      const [open] = await queryRows<{ yes: boolean }>(
        tx,
        sql`select exists (select 1 from mediation_material_versions where material_id = ${materialId}
                             and language = ${input.language} and status in ('draft', 'in_review')) as yes`,
      );
      if (open?.yes) throw libraryRefusals.openDraft();
      let versionId: string;
      try {
        const [row] = await queryRows<{ id: string }>(
          tx,
          sql`insert into mediation_material_versions (material_id, language, version, title, body, author_id)
              select ${materialId}, ${input.language}, coalesce(max(version), 0) + 1, ${input.title}, ${input.body},
                     ${ctx.userId}
                from mediation_material_versions where material_id = ${materialId} and language = ${input.language}
              returning id`,
        );
        versionId = row!.id;
      } catch (error) {
        // Two writers numbering the same language at once: the second tries again.
        if (pgErrorCode(error) === '23505') throw libraryRefusals.raced();
        throw error;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.material_version_saved',
          recordType: 'mediation_material_version',
          recordId: versionId,
          details: { materialId, language: input.language, step: 'created' },
        },
      });
      return withoutAuthor(await requireVersion(tx, versionId));
    },
  });
}

/** A draft is changed or sent for review by its author or the mediation coordinator. */
/**
 * A draft changes (its title and text) or goes for review: by its author or the mediation
 * coordinator, and only while it is a draft (one conditional update: a concurrent review loses).
 */
async function changeDraft({
  deps,
  ctx,
  id,
  change,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  change: { step: 'edited'; title: string; body: string } | { step: 'submitted' };
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // The version first: one the caller cannot see is a 404 whoever asks.
      const version = await requireVersion(tx, id);
      await requireLibraryWriter(tx);
      // Only the author edits or submits: a reviewer who rewrote a text could approve their own words
      // (four eyes). The coordinator returns a draft with a comment instead.
      if (version.authorId !== ctx.userId) throw libraryRefusals.notAuthor();
      const set =
        change.step === 'edited'
          ? sql`title = ${change.title}, body = ${change.body}`
          : sql`status = 'in_review'`;
      const changed = await queryRows<{ id: string }>(
        tx,
        sql`update mediation_material_versions set ${set} where id = ${id} and status = 'draft' returning id`,
      );
      if (!changed[0]) throw libraryRefusals.notDraft();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.material_version_saved',
          recordType: 'mediation_material_version',
          recordId: id,
          details: { step: change.step },
        },
      });
      return withoutAuthor(await requireVersion(tx, id));
    },
  });
}

export const editDraft = ({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: { title: string; body: string };
}) => changeDraft({ deps, ctx, id, change: { step: 'edited', ...input } });

export const submitVersion = ({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) =>
  changeDraft({ deps, ctx, id, change: { step: 'submitted' } });

/**
 * The review, by the coordinator of the mediation service that keeps the material and never by the
 * version's author. Approving retires the language's version in use in the same transaction (the
 * database holds one approved version per language); returning sends it back to draft with a comment.
 */
export async function reviewVersion({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TReviewInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Asked first: a coordinator of another service does not see the versions in review at all.
      if (!(await isMediationCoordinator(tx))) throw libraryRefusals.notCoordinator();
      const version = await requireVersion(tx, id);
      const material = await requireMaterial(tx, version.materialId);
      await requireMaterialKeeper(tx, material.owner_service_id);
      if (version.authorId === ctx.userId) throw libraryRefusals.ownVersion();
      if (version.status !== 'in_review') throw libraryRefusals.notInReview();
      const comment = input.comment ?? null;
      if (input.decision === 'return' && !comment) throw libraryRefusals.commentNeeded();
      try {
        // Judged above (keeper of the material, not the author, in review): written as the owner, so
        // row-level security lets a request role change only its own drafts.
        await unsafeAsSystem(tx, async (sys) => {
          if (input.decision === 'approve')
            await queryRows(
              sys,
              sql`update mediation_material_versions set status = 'retired'
                 where material_id = ${version.materialId} and language = ${version.language}
                   and status = 'approved' and id <> ${id}`,
            );
          const changed = await queryRows<{ id: string }>(
            sys,
            input.decision === 'approve'
              ? sql`update mediation_material_versions set status = 'approved', reviewer_id = ${ctx.userId},
                         review_comment = ${comment}, approved_at = now()
                   where id = ${id} and status = 'in_review' returning id`
              : sql`update mediation_material_versions set status = 'draft', reviewer_id = ${ctx.userId},
                         review_comment = ${comment}
                   where id = ${id} and status = 'in_review' returning id`,
          );
          if (!changed[0]) throw libraryRefusals.notInReview();
        });
      } catch (error) {
        // Two versions of one language approved at once: the one-approved-per-language index refuses the second.
        if (pgErrorCode(error) === '23505') throw libraryRefusals.raced();
        throw error;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.material_version_reviewed',
          recordType: 'mediation_material_version',
          recordId: id,
          details: { decision: input.decision, language: version.language },
        },
      });
      return materialWithVersions(tx, version.materialId);
    },
  });
}

/**
 * An approved version as PDF, its file name from its title; audited as a download. The PDF is drawn
 * after the transaction, which holds only the reads and the audit event (PGlite has one connection).
 */
export async function versionPdf({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const printed = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const version = await requireVersion(tx, id);
      if (version.status !== 'approved') throw libraryRefusals.notApproved();
      const material = await requireMaterial(tx, version.materialId);
      const [names] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ service: string | null; language: string | null }>(
          sys,
          sql`select (select name from services where id = ${material.owner_service_id}) as service,
                     (select name_it from languages where code = ${version.language}) as language`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.material_downloaded',
          recordType: 'mediation_material_version',
          recordId: id,
          details: { language: version.language },
        },
      });
      return {
        title: version.title,
        body: version.body,
        language: version.language,
        languageName: names?.language ?? version.language,
        rtl: version.rtl,
        materialTitle: material.title,
        version: version.version,
        approvedAt: version.approvedAt,
        reviewerName: version.reviewerName,
        serviceName: names?.service ?? '',
      };
    },
  });
  return {
    body: await materialPdf({ material: printed }),
    filename: pdfFileName(printed.title, printed.language),
  };
}
