import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  ANSWERING_DAYS_AFTER_END,
  QUESTIONNAIRE_MIN_GROUP,
  type TQuestionnaireItem,
  type TResponseInput,
} from '../../../contracts/questionnaires.js';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField, encryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { type Db, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import type { JobKind } from '../../platform/jobs/job-queue.js';
import { scoreAnswers } from './questionnaire-scoring.js';

/**
 * How an answer is kept apart from who gave it (ADR 0019 §6). The request marks that this
 * registration (or member) answered the phase — one conditional insert, so a second submission
 * counts once — and a transaction of its own puts the scores, sealed, in a queue. A job moves a
 * questionnaire's queued answers of one scope and phase into `training_responses` once five or
 * more wait, or when answering has closed: all of them in one transaction, in shuffled order, so
 * neither a row's transaction nor its place among the others tells whose it is.
 */

export const FLUSH_JOB = 'training.flush-responses';

export interface AnsweredQuestionnaire {
  id: string;
  items: TQuestionnaireItem[];
}

const queueContext = (questionnaireId: string) => `training_response_queue:${questionnaireId}`;

/** When a course's questionnaire stops taking answers for an edition: days after its last session. */
export async function answeringClosesAt(tx: Tx, gatheringId: string) {
  const [row] = await queryRows<{ closes: Date | null }>(
    tx,
    sql`select max(ends_at) + make_interval(days => ${ANSWERING_DAYS_AFTER_END}) as closes
          from gathering_sessions where gathering_id = ${gatheringId}`,
  );
  return row?.closes ? new Date(row.closes) : new Date();
}

export const answeringClosed = () =>
  new HttpProblem(
    409,
    'answering-closed',
    { it: 'Questionario chiuso', en: 'Questionnaire closed' },
    {
      it: 'Il questionario non accetta più risposte: i risultati sono già stati calcolati.',
      en: 'The questionnaire no longer takes answers: its results have been worked out.',
    },
  );

const alreadyAnswered = () =>
  problems.conflict({
    it: 'Hai già compilato questo questionario per questa fase: conta una volta sola.',
    en: 'You have already answered this questionnaire for this phase: it counts once.',
  });

/**
 * Marks the answer in the caller's transaction and returns the second step, to run after that
 * transaction has committed: the sealed scores into the queue. If that fails, the mark is taken back.
 */
export async function recordAnswer({
  deps,
  tx,
  questionnaire,
  scopeId,
  respondentKey,
  input,
  actor,
}: {
  deps: Deps;
  tx: Tx;
  questionnaire: AnsweredQuestionnaire;
  scopeId: string;
  respondentKey: string;
  input: TResponseInput;
  actor: AuditActor;
}) {
  const { scores, errors } = scoreAnswers(questionnaire.items, input.answers);
  if (errors.length) throw problems.fields(errors);
  const marked = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ phase: string }>(
      sys,
      sql`insert into training_response_marks (questionnaire_id, scope_id, phase, respondent_key)
          values (${questionnaire.id}, ${scopeId}, ${input.phase}, ${respondentKey})
          on conflict do nothing returning phase`,
    ),
  );
  if (marked.length === 0) throw alreadyAnswered();
  await writeAudit({
    tx,
    actor,
    event: { action: 'training.questionnaire_answered', details: { phase: input.phase } },
  });
  const sealed = encryptField({
    keyring: deps.keyring,
    plaintext: JSON.stringify({ code: input.code.toLocaleLowerCase('it'), scores }),
    context: queueContext(questionnaire.id),
  });
  return async () => {
    try {
      await systemTransaction(deps.db, (sys) =>
        sys.execute(
          sql`insert into training_response_queue (questionnaire_id, scope_id, phase, sealed)
              values (${questionnaire.id}, ${scopeId}, ${input.phase}, ${sealed})`,
        ),
      );
    } catch (error) {
      await systemTransaction(deps.db, (sys) =>
        sys.execute(
          sql`delete from training_response_marks where questionnaire_id = ${questionnaire.id}
               and scope_id = ${scopeId} and phase = ${input.phase} and respondent_key = ${respondentKey}`,
        ),
      );
      throw error;
    }
    return { recorded: true as const, phase: input.phase };
  };
}

/**
 * Moves queued answers into `training_responses`: of the groups (questionnaire, scope, phase)
 * with at least QUESTIONNAIRE_MIN_GROUP waiting, or every group of `closed` (a closed scope gives
 * all it has). One transaction per group, rows shuffled. Returns how many answers moved.
 */
export async function flushResponses({
  db,
  keyring,
  closed,
}: {
  db: Db;
  keyring: Keyring;
  closed?: { questionnaireIds: readonly string[]; scopeId: string };
}) {
  const groups = await systemTransaction(db, (tx) =>
    queryRows<{ questionnaire_id: string; scope_id: string; phase: string }>(
      tx,
      closed?.questionnaireIds.length
        ? sql`select distinct questionnaire_id, scope_id, phase from training_response_queue
               where scope_id = ${closed.scopeId}
                 and questionnaire_id in (${uuidList(closed.questionnaireIds)})`
        : sql`select questionnaire_id, scope_id, phase from training_response_queue
               group by questionnaire_id, scope_id, phase having count(*) >= ${QUESTIONNAIRE_MIN_GROUP}`,
    ),
  );
  let moved = 0;
  for (const g of groups)
    moved += await systemTransaction(db, async (tx) => {
      const queued = await queryRows<{ id: string; sealed: string }>(
        tx,
        sql`select id, sealed from training_response_queue
             where questionnaire_id = ${g.questionnaire_id} and scope_id = ${g.scope_id} and phase = ${g.phase}
             for update skip locked`,
      );
      const hash = await systemPseudonymiser({
        tx,
        keyring,
        scope: `training-respondents:${g.questionnaire_id}`,
        prefix: 'R',
      });
      for (let i = queued.length - 1; i > 0; i -= 1) {
        const j = randomInt(i + 1);
        [queued[i], queued[j]] = [queued[j]!, queued[i]!];
      }
      for (const q of queued) {
        const { code, scores } = JSON.parse(
          decryptField({ keyring, value: q.sealed, context: queueContext(g.questionnaire_id) }),
        ) as { code: string; scores: Record<string, number> };
        // The same code twice in one phase counts once (the first of the batch, in shuffled order).
        await tx.execute(
          sql`insert into training_responses (questionnaire_id, scope_id, phase, respondent_hash, scores)
              values (${g.questionnaire_id}, ${g.scope_id}, ${g.phase}, ${hash(code)}, ${JSON.stringify(scores)}::jsonb)
              on conflict do nothing`,
        );
        await tx.execute(sql`delete from training_response_queue where id = ${q.id}`);
      }
      return queued.length;
    });
  return moved;
}

/** Every quarter of an hour: the groups that have reached five answers join the others. */
export const flushResponsesJob: JobKind<Record<string, never>> = {
  name: FLUSH_JOB,
  label: {
    it: 'Archiviazione anonima delle risposte ai questionari',
    en: 'Anonymous filing of questionnaire answers',
  },
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  schedule: '*/15 * * * *',
  async handle(_data, { deps }) {
    await flushResponses({ db: deps.db, keyring: deps.keyring });
  },
};
