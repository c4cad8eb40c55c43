import { sql } from 'drizzle-orm';
import {
  QUESTIONNAIRE_MIN_GROUP,
  type TCompetenceResult,
  type TPhase,
  type TQuestionnaire,
  type TQuestionnaireInput,
  type TQuestionnaireItem,
  type TResponseInput,
  type TSurveyResult,
} from '../../../contracts/questionnaires.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { pairedResults, type Scores } from './questionnaire-scoring.js';
import { managesService, requireEdition } from './training.policy.js';
import { placeByToken } from './training-personal.service.js';
import { answeringClosed, answeringClosesAt, flushResponses, recordAnswer } from './training-responses.js';

interface QuestionnaireRow {
  id: string;
  owner_service_id: string;
  course_id: string | null;
  purpose: TQuestionnaire['purpose'];
  title: string;
  items: TQuestionnaireItem[];
  closed_at: Date | null;
}

/** What people answering see: never the right answers. */
const view = (row: QuestionnaireRow, ctx: AccessContext | null): TQuestionnaire => ({
  id: row.id,
  title: row.title,
  purpose: row.purpose,
  courseId: row.course_id,
  items: row.items.map((i) => ({ domain: i.domain, kind: i.kind, text: i.text, options: i.options })),
  managed: ctx ? managesService(ctx, row.owner_service_id) : false,
  closedAt: isoTime(row.closed_at),
});

export async function createQuestionnaire({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TQuestionnaireInput;
}) {
  if (ctx.role !== 'trainer' || !ctx.serviceId) throw problems.forbidden();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (input.courseId) {
        const [course] = await queryRows<{ owner_service_id: string }>(
          tx,
          sql`select owner_service_id from training_courses where id = ${input.courseId}`,
        );
        if (!course || !managesService(ctx, course.owner_service_id))
          throw problems.field('courseId', 'not_yours', {
            it: 'Scegli un corso del tuo servizio.',
            en: 'Choose a course of your service.',
          });
      }
      const [row] = await queryRows<QuestionnaireRow>(
        tx,
        sql`insert into training_questionnaires (owner_service_id, course_id, purpose, title, items, created_by)
            values (${ctx.serviceId}, ${input.courseId}, ${input.purpose}, ${input.title},
              ${JSON.stringify(input.items)}::jsonb, ${ctx.userId})
            returning id, owner_service_id, course_id, purpose, title, items, closed_at`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.questionnaire_created',
          recordType: 'training_questionnaire',
          recordId: row!.id,
        },
      });
      return view(row!, ctx);
    },
  });
}

export async function listQuestionnaires({
  deps,
  ctx,
  courseId,
}: {
  deps: Deps;
  ctx: AccessContext;
  courseId?: string | undefined;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<QuestionnaireRow>(
        tx,
        sql`select id, owner_service_id, course_id, purpose, title, items, closed_at from training_questionnaires
             ${courseId ? sql`where course_id = ${courseId}` : sql``}
             order by created_at desc, id limit 200`,
      );
      return rows.map((r) => view(r, ctx));
    },
  });
}

/** The competence questionnaire an edition uses: its course's latest. */
async function competenceQuestionnaireOf(tx: Tx, courseId: string) {
  const [row] = await queryRows<QuestionnaireRow>(
    tx,
    sql`select id, owner_service_id, course_id, purpose, title, items, closed_at from training_questionnaires
         where course_id = ${courseId} and purpose = 'competence' order by created_at desc, id limit 1`,
  );
  return row ?? null;
}

export async function editionQuestionnaire({
  deps,
  ctx,
  editionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      const row = await competenceQuestionnaireOf(tx, edition.course_id);
      if (!row) throw noQuestionnaire();
      return view(row, ctx);
    },
  });
}

const noQuestionnaire = () =>
  new HttpProblem(
    404,
    'no-questionnaire',
    { it: 'Nessun questionario', en: 'No questionnaire' },
    { it: 'Questo corso non ha ancora un questionario.', en: 'This course has no questionnaire yet.' },
  );

const notParticipant = () =>
  new HttpProblem(
    403,
    'not-participant',
    { it: 'Non iscritto', en: 'Not enrolled' },
    {
      it: 'Il questionario è per chi ha un posto confermato in questa edizione.',
      en: 'The questionnaire is for people with a confirmed place in this edition.',
    },
  );

/** A member with a confirmed place answers their edition's competence questionnaire. */
export async function answerAsMember({
  deps,
  ctx,
  editionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
  input: TResponseInput;
}) {
  const second = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      const [place] = await queryRows<{ id: string }>(
        tx,
        sql`select id from gathering_places where gathering_id = ${edition.gathering_id} and user_id = ${ctx.userId}
             and status = 'confirmed'`,
      );
      if (!place) throw notParticipant();
      const questionnaire = await competenceQuestionnaireOf(tx, edition.course_id);
      if (!questionnaire) throw noQuestionnaire();
      if ((await answeringClosesAt(tx, edition.gathering_id)) <= new Date()) throw answeringClosed();
      return recordAnswer({
        deps,
        tx,
        questionnaire,
        scopeId: editionId,
        respondentKey: place.id,
        input,
        actor: actorOf(ctx),
      });
    },
  });
  return second();
}

/** The questionnaire an external participant answers, reached by their personal link. */
export async function externalQuestionnaire({ deps, token }: { deps: Deps; token: string }) {
  return systemTransaction(deps.db, async (tx) => {
    const place = await placeByToken(tx, token);
    const row = await competenceQuestionnaireOf(tx, place.course_id);
    if (!row) throw noQuestionnaire();
    return view(row, null);
  });
}

/** An external participant answers through their personal link. */
export async function answerAsExternal({
  deps,
  token,
  input,
}: {
  deps: Deps;
  token: string;
  input: TResponseInput;
}) {
  const second = await systemTransaction(deps.db, async (tx) => {
    const place = await placeByToken(tx, token);
    if (place.status !== 'confirmed') throw notParticipant();
    const questionnaire = await competenceQuestionnaireOf(tx, place.course_id);
    if (!questionnaire) throw noQuestionnaire();
    if ((await answeringClosesAt(tx, place.gathering_id)) <= new Date()) throw answeringClosed();
    return recordAnswer({
      deps,
      tx,
      questionnaire,
      scopeId: place.edition_id,
      respondentKey: place.id,
      input,
      actor: { userId: null, username: 'partecipante esterno', role: null, serviceId: null, clientIp: null },
    });
  });
  return second();
}

/** A member answers the services survey (WP2), once per phase. */
export async function answerSurvey({
  deps,
  ctx,
  questionnaireId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  questionnaireId: string;
  input: TResponseInput;
}) {
  const second = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [questionnaire] = await queryRows<QuestionnaireRow>(
        tx,
        sql`select id, owner_service_id, course_id, purpose, title, items, closed_at from training_questionnaires
             where id = ${questionnaireId} and purpose = 'services_viewpoint'`,
      );
      if (!questionnaire) throw new OutOfScope('training_questionnaire', questionnaireId);
      if (questionnaire.closed_at) throw answeringClosed();
      return recordAnswer({
        deps,
        tx,
        questionnaire,
        scopeId: questionnaireId,
        respondentKey: ctx.userId,
        input,
        actor: actorOf(ctx),
      });
    },
  });
  return second();
}

/** The answers of one scope, pre and post, paired by the code's hash (read as the owner). */
async function pairsOf(tx: Tx, questionnaireIds: string[], scopeId: string) {
  if (questionnaireIds.length === 0) return { pairs: [], counts: { pre: 0, post: 0 } };
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ phase: TPhase; respondent_hash: string; scores: Scores }>(
      sys,
      sql`select phase, respondent_hash, scores from training_responses
           where questionnaire_id in (${uuidList(questionnaireIds)}) and scope_id = ${scopeId}`,
    ),
  );
  const pre = new Map(rows.filter((r) => r.phase === 'pre').map((r) => [r.respondent_hash, r.scores]));
  const pairs = rows
    .filter((r) => r.phase === 'post' && pre.has(r.respondent_hash))
    .map((r) => ({ pre: pre.get(r.respondent_hash)!, post: r.scores }));
  return { pairs, counts: { pre: pre.size, post: rows.length - pre.size } };
}

const shown = (n: number) => (n >= QUESTIONNAIRE_MIN_GROUP ? n : null);
const nothingYet = () => pairedResults([]);

/**
 * An edition's competence gain, for its trainers and for coordinators (the dashboard's readers):
 * given once answering has closed, from every answer (the last ones filed first), and the same on
 * every later reading.
 */
export async function competenceResult({
  deps,
  ctx,
  editionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
}): Promise<TCompetenceResult> {
  const scope = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      if (!managesService(ctx, edition.owner_service_id) && !ctx.permissions.has('training.dashboard'))
        throw new OutOfScope('training_edition', editionId);
      const ids = (
        await queryRows<{ id: string }>(
          tx,
          sql`select id from training_questionnaires where course_id = ${edition.course_id} and purpose = 'competence'`,
        )
      ).map((r) => r.id);
      return { ids, closesAt: await answeringClosesAt(tx, edition.gathering_id) };
    },
  });
  const closed = scope.closesAt <= new Date();
  if (closed)
    await flushResponses({
      db: deps.db,
      keyring: deps.keyring,
      closed: { questionnaireIds: scope.ids, scopeId: editionId },
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { pairs } = closed ? await pairsOf(tx, scope.ids, editionId) : { pairs: [] };
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.competence_read', recordType: 'training_edition', recordId: editionId },
      });
      return {
        editionId,
        closed,
        closesAt: scope.closesAt.toISOString(),
        pairs: closed ? shown(pairs.length) : null,
        minGroup: QUESTIONNAIRE_MIN_GROUP,
        domains: closed ? pairedResults(pairs) : nothingYet(),
      };
    },
  });
}

/** The services survey in aggregate, once its trainers have closed it. */
export async function surveyResult({
  deps,
  ctx,
  questionnaireId,
}: {
  deps: Deps;
  ctx: AccessContext;
  questionnaireId: string;
}): Promise<TSurveyResult> {
  const survey = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<{ id: string; closed_at: Date | null }>(
        tx,
        sql`select id, closed_at from training_questionnaires where id = ${questionnaireId} and purpose = 'services_viewpoint'`,
      );
      if (!row) throw new OutOfScope('training_questionnaire', questionnaireId);
      return row;
    },
  });
  const closed = survey.closed_at !== null;
  if (closed)
    await flushResponses({
      db: deps.db,
      keyring: deps.keyring,
      closed: { questionnaireIds: [questionnaireId], scopeId: questionnaireId },
    });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { pairs, counts } = closed
        ? await pairsOf(tx, [questionnaireId], questionnaireId)
        : { pairs: [], counts: { pre: 0, post: 0 } };
      await writeAudit({ tx, actor: actorOf(ctx), event: { action: 'training.survey_read' } });
      return {
        questionnaireId,
        closed,
        respondents: { pre: shown(counts.pre), post: shown(counts.post) },
        minGroup: QUESTIONNAIRE_MIN_GROUP,
        domains: closed ? pairedResults(pairs) : nothingYet(),
      };
    },
  });
}

/** The survey's trainers close it: no more answers, and its results are given from then on. */
export async function closeSurvey({
  deps,
  ctx,
  questionnaireId,
}: {
  deps: Deps;
  ctx: AccessContext;
  questionnaireId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<QuestionnaireRow>(
        tx,
        sql`update training_questionnaires set closed_at = coalesce(closed_at, now())
             where id = ${questionnaireId} and purpose = 'services_viewpoint'
               and owner_service_id = ${ctx.serviceId} and ${ctx.role} = 'trainer'
             returning id, owner_service_id, course_id, purpose, title, items, closed_at`,
      );
      if (!row) throw new OutOfScope('training_questionnaire', questionnaireId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.survey_closed',
          recordType: 'training_questionnaire',
          recordId: questionnaireId,
        },
      });
      return view(row, ctx);
    },
  });
}
