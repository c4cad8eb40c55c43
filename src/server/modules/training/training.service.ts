import { sql } from 'drizzle-orm';
import type { TCourse, TCourseInput, TEdition, TEditionInput } from '../../../contracts/training.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
// The observatory publishes its training report for training to cite (issue 17): a read of
// published, disclosure-controlled numbers, through the observatory's own audited function.
import { getTrainingReport } from '../observatory/observatory.reports.js';
import { managesService } from './training.policy.js';
import { loadCourses, loadEditions } from './training.repository.js';

const requireTrainer = (ctx: AccessContext) => {
  if (ctx.role !== 'trainer' || !ctx.serviceId) throw problems.forbidden();
  return ctx.serviceId;
};

export async function listCourses({ deps, ctx }: { deps: Deps; ctx: AccessContext }): Promise<TCourse[]> {
  return scoped({ db: deps.db, ctx, work: (tx) => loadCourses({ tx, ctx }) });
}

export async function getCourse({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [course] = await loadCourses({ tx, ctx, ids: [id] });
      if (!course) throw new OutOfScope('training_course', id);
      return course;
    },
  });
}

const TOPIC_GROUP: Record<string, string> = {
  violence_form: 'violenceForm',
  context: 'context',
  service: 'pathwayService',
};
const TOPIC_DIMENSION: Record<string, string> = {
  community: 'country',
  language_interpreter: 'language',
  district_interpreter: 'district',
};

/**
 * The findings a course cites, checked against the observatory's current training report: each
 * must be one of its findings, and keeps the number it stood on (year, value, share) and its words.
 */
async function citedFindings({ deps, ctx, input }: { deps: Deps; ctx: AccessContext; input: TCourseInput }) {
  if (input.findings.length === 0) return [];
  const report = await getTrainingReport({ deps, ctx, query: {} });
  return input.findings.map((link, i) => {
    const finding = report.findings.find((f) => f.topic === link.topic && f.subject === link.subject);
    if (!finding)
      throw problems.field(`findings.${i}`, 'not_a_finding', {
        it: 'Non è tra i risultati pubblicati dall’osservatorio per la formazione: aggiorna la pagina e scegli di nuovo.',
        en: 'Not among the findings the observatory publishes for training: reload the page and choose again.',
      });
    const group = TOPIC_GROUP[link.topic];
    const dimension = TOPIC_DIMENSION[link.topic];
    const label = group
      ? { it: enumLabel(group, link.subject, 'it'), en: enumLabel(group, link.subject, 'en') }
      : (report.labels[`${dimension}:${link.subject}`] ?? { it: link.subject, en: link.subject });
    return { ...link, year: report.year, value: finding.evidence.value, share: finding.share, label };
  });
}

async function writeFindings({
  tx,
  courseId,
  findings,
}: {
  tx: Tx;
  courseId: string;
  findings: Awaited<ReturnType<typeof citedFindings>>;
}) {
  await tx.execute(sql`delete from training_course_findings where course_id = ${courseId}`);
  for (const f of findings)
    await tx.execute(
      sql`insert into training_course_findings (course_id, topic, subject, report_year, value, share, label)
          values (${courseId}, ${f.topic}, ${f.subject}, ${f.year}, ${f.value}, ${f.share}, ${JSON.stringify(f.label)}::jsonb)
          on conflict do nothing`,
    );
}

export async function createCourse({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TCourseInput;
}) {
  const serviceId = requireTrainer(ctx);
  const findings = await citedFindings({ deps, ctx, input });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into training_courses (owner_service_id, title, strand, target_service_kinds, target_professions,
              objectives, hours, trainers, attendance_threshold, approval_required, credit_scheme, credits,
              accreditation_ref, created_by)
            values (${serviceId}, ${input.title}, ${input.strand}, ${sqlArray(input.targetServiceKinds)},
              ${sqlArray(input.targetProfessions)}, ${input.objectives}, ${input.hours}, ${input.trainers},
              ${input.attendanceThreshold}, ${input.approvalRequired}, ${input.creditScheme}, ${input.credits},
              ${input.accreditationRef}, ${ctx.userId})
            returning id`,
      );
      await writeFindings({ tx, courseId: row!.id, findings });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.course_created', recordType: 'training_course', recordId: row!.id },
      });
      const [course] = await loadCourses({ tx, ctx, ids: [row!.id] });
      return course!;
    },
  });
}

export async function updateCourse({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TCourseInput;
}) {
  requireTrainer(ctx);
  const findings = await citedFindings({ deps, ctx, input });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [owner] = await queryRows<{ owner_service_id: string }>(
        tx,
        sql`select owner_service_id from training_courses where id = ${id}`,
      );
      if (!owner || !managesService(ctx, owner.owner_service_id)) throw new OutOfScope('training_course', id);
      await tx.execute(
        sql`update training_courses set title = ${input.title}, strand = ${input.strand},
              target_service_kinds = ${sqlArray(input.targetServiceKinds)},
              target_professions = ${sqlArray(input.targetProfessions)}, objectives = ${input.objectives},
              hours = ${input.hours}, trainers = ${input.trainers}, attendance_threshold = ${input.attendanceThreshold},
              approval_required = ${input.approvalRequired}, credit_scheme = ${input.creditScheme},
              credits = ${input.credits}, accreditation_ref = ${input.accreditationRef}, updated_at = now()
            where id = ${id}`,
      );
      await writeFindings({ tx, courseId: id, findings });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.course_updated', recordType: 'training_course', recordId: id },
      });
      const [course] = await loadCourses({ tx, ctx, ids: [id] });
      return course!;
    },
  });
}

export async function listEditions({
  deps,
  ctx,
  courseId,
}: {
  deps: Deps;
  ctx: AccessContext;
  courseId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [course] = await queryRows<{ id: string }>(
        tx,
        sql`select id from training_courses where id = ${courseId}`,
      );
      if (!course) throw new OutOfScope('training_course', courseId);
      return loadEditions({ tx, ctx, where: { courseId } });
    },
  });
}

export async function getEdition({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
}): Promise<TEdition> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [edition] = await loadEditions({ tx, ctx, where: { editionIds: [id] } });
      if (!edition) throw new OutOfScope('training_edition', id);
      return edition;
    },
  });
}

export async function createEdition({
  deps,
  ctx,
  courseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  courseId: string;
  input: TEditionInput;
}): Promise<TEdition> {
  requireTrainer(ctx);
  const lastEnd = Math.max(...input.sessions.map((s) => Date.parse(s.endsAt)));
  if (Date.parse(input.registrationClosesAt) > lastEnd)
    throw problems.field('registrationClosesAt', 'after_end', {
      it: 'Le iscrizioni devono chiudersi entro la fine dell’ultima sessione.',
      en: 'Registration must close by the end of the last session.',
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [course] = await queryRows<{
        owner_service_id: string;
        title: string;
        approval_required: boolean;
      }>(
        tx,
        sql`select owner_service_id, title, approval_required from training_courses where id = ${courseId}`,
      );
      if (!course || !managesService(ctx, course.owner_service_id))
        throw new OutOfScope('training_course', courseId);
      const [gathering] = await queryRows<{ id: string }>(
        tx,
        sql`insert into gatherings (module, title, owner_service_id, capacity, registration_opens_at,
              registration_closes_at, confirm_within_hours, approval_required, created_by)
            values ('training', ${course.title}, ${course.owner_service_id}, ${input.capacity},
              ${input.registrationOpensAt}, ${input.registrationClosesAt}, ${input.confirmWithinHours},
              ${course.approval_required}, ${ctx.userId})
            returning id`,
      );
      for (const s of input.sessions)
        await tx.execute(
          sql`insert into gathering_sessions (gathering_id, starts_at, ends_at, place, online_link)
              values (${gathering!.id}, ${s.startsAt}, ${s.endsAt}, ${s.place}, ${s.onlineLink})`,
        );
      const [edition] = await queryRows<{ id: string }>(
        tx,
        sql`insert into training_editions (course_id, gathering_id) values (${courseId}, ${gathering!.id}) returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.edition_created', recordType: 'training_edition', recordId: edition!.id },
      });
      const [view] = await loadEditions({ tx, ctx, where: { editionIds: [edition!.id] } });
      return view!;
    },
  });
}
