import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  FEEDBACK_ANSWERS,
  FEEDBACK_QUESTIONS,
  MEDIATION_LIMITS,
  type ZFeedbackLinkSchema,
  type ZFeedbackPageSchema,
  type ZFeedbackSummarySchema,
  type ZPersonFeedbackInputSchema,
  type ZRatingInputSchema,
} from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction, unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { sliceUnderK } from '../../platform/disclosure/disclosure.js';
import { hashToken } from '../../platform/gatherings/places.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { requireMediationCoordinator } from './mediation.policy.js';
import { loadRequest } from './mediation-requests.repository.js';

/**
 * Feedback from both sides of a mediation (issue 18, item 6). The requester rates the mediation
 * once it took place; the person mediated answers three questions in their own language through a
 * link the requester makes (on the requester's device or a printed QR), with no account and no
 * identity: the answer keeps the day, never the time or the address. The mediation coordinator
 * reads a mediator's ratings, and the people's answers only once five people answered.
 */

/** How long a link for the person mediated stays open. */
const LINK_DAYS = 30;
/** Fewer people than this and their answers are not shown, not even counted. */
const PEOPLE_K = 5;
/** The assignment states in which the person mediated may answer: the mediation is on or took place. */
const ANSWERABLE = sql`('confirmed', 'completed')`;

interface RequesterAssignment {
  id: string;
  request_id: string;
  status: string;
  requester_id: string;
}

/**
 * One assignment of a request the caller made. One the caller cannot see is the audited 404; one
 * they see without having asked for it (a coordinator) is a 403: only the requester speaks for it.
 */
async function requireRequesterAssignment(tx: Tx, ctx: AccessContext, id: string) {
  const [row] = await queryRows<RequesterAssignment>(
    tx,
    sql`select a.id, a.request_id, a.status, r.requester_id
          from mediation_assignments a join mediation_requests r on r.id = a.request_id
         where a.id = ${id}`,
  );
  if (!row) throw new OutOfScope('mediation_assignment', id);
  if (row.requester_id !== ctx.userId) throw problems.forbidden();
  return row;
}

const notTakenPlace = () =>
  problems.conflict({
    it: 'La mediazione si valuta dopo che si è svolta e il mediatore ha registrato le ore.',
    en: 'A mediation is rated once it has taken place and the mediator has logged the hours.',
  });

/** The requester rates a mediation that took place (or where the person did not come), once. */
export async function rateAssignment({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZRatingInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const assignment = await requireRequesterAssignment(tx, ctx, id);
      if (!['completed', 'no_show'].includes(assignment.status)) throw notTakenPlace();
      // The primary key keeps one rating per assignment, also when two arrive at once.
      const inserted = await queryRows<{ assignment_id: string }>(
        tx,
        sql`insert into mediation_ratings (assignment_id, rated_by, rating, comment)
            values (${id}, ${ctx.userId}, ${input.rating}, ${input.comment ?? null})
            on conflict (assignment_id) do nothing returning assignment_id`,
      );
      if (inserted.length === 0)
        throw new HttpProblem(
          409,
          'already-rated',
          { it: 'Mediazione già valutata', en: 'Mediation already rated' },
          {
            it: 'Questa mediazione è già stata valutata: la valutazione si dà una volta sola.',
            en: 'This mediation has already been rated: a rating is given once.',
          },
        );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.rated', recordType: 'mediation_assignment', recordId: id },
      });
      return loadRequest({ tx, keyring: deps.keyring, id: assignment.request_id });
    },
  });
}

/**
 * The requester makes the link the person mediated answers through: a random token, kept only as
 * its hash, open for 30 days. Making it again replaces the token (the old link stops working) but
 * not the count: the limit of answers is per assignment, so a new link never opens more room.
 */
export async function makeFeedbackLink({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
}): Promise<z.infer<typeof ZFeedbackLinkSchema>> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const assignment = await requireRequesterAssignment(tx, ctx, id);
      if (!['confirmed', 'completed'].includes(assignment.status))
        throw problems.conflict({
          it: 'Il collegamento per il parere si crea per una mediazione confermata o svolta.',
          en: 'The feedback link is made for a confirmed or completed mediation.',
        });
      const token = randomBytes(24).toString('base64url');
      // The hash's column is out of the request role's reach: written as the owner, for this assignment only.
      const [row] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ feedback_expires_at: Date }>(
          sys,
          sql`update mediation_assignments
                 set feedback_token_hash = ${hashToken(token)},
                     feedback_expires_at = now() + make_interval(days => ${LINK_DAYS})
               where id = ${id} returning feedback_expires_at`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.feedback_link_made', recordType: 'mediation_assignment', recordId: id },
      });
      return { token, path: `/parere/${token}`, expiresAt: isoTime(row!.feedback_expires_at)! };
    },
  });
}

interface LinkRow {
  id: string;
  language: string;
  rtl: boolean;
  live: boolean;
  open: boolean;
}

/** The assignment a feedback link opens, whatever its state; undefined for an unknown token. */
async function linkByToken(sys: Tx, token: string): Promise<LinkRow | undefined> {
  const [row] = await queryRows<LinkRow>(
    sys,
    sql`select a.id, r.language, coalesce(l.rtl, false) as rtl,
               (a.feedback_expires_at > now() and a.status in ${ANSWERABLE}) as live,
               (a.feedback_expires_at > now() and a.status in ${ANSWERABLE}
                 and a.feedback_count < ${MEDIATION_LIMITS.feedbackPerAssignment}) as open
          from mediation_assignments a join mediation_requests r on r.id = a.request_id
          left join languages l on l.code = r.language
         where a.feedback_token_hash = ${hashToken(token)}`,
  );
  return row;
}

/**
 * What the answer page needs to show itself: the request's language and its direction, and
 * whether the link still takes answers (closed once expired, full or the mediation released).
 */
export async function feedbackPage({
  deps,
  token,
}: {
  deps: Deps;
  token: string;
}): Promise<z.infer<typeof ZFeedbackPageSchema>> {
  return systemTransaction(deps.db, async (sys) => {
    const link = await linkByToken(sys, token);
    if (!link) throw problems.notFound();
    return { language: link.language, rtl: link.rtl, open: link.open };
  });
}

/** Who answers through the link: nobody known, and no address either (the answer is anonymous). */
const ANONYMOUS: AuditActor = { userId: null, username: null, role: null, serviceId: null, clientIp: null };

/**
 * The person mediated answers. The count is taken and checked in one conditional statement, so
 * answers sent together can never pass the limit; the answer is written as the owner with the
 * day only. An unknown, expired or released link is the same 404; a full one says so.
 */
export async function answerFeedback({
  deps,
  token,
  input,
}: {
  deps: Deps;
  token: string;
  input: z.infer<typeof ZPersonFeedbackInputSchema>;
}) {
  await systemTransaction(deps.db, async (sys) => {
    const [counted] = await queryRows<{ id: string; mediator_id: string }>(
      sys,
      sql`update mediation_assignments set feedback_count = feedback_count + 1
           where feedback_token_hash = ${hashToken(token)} and feedback_expires_at > now()
             and status in ${ANSWERABLE} and feedback_count < ${MEDIATION_LIMITS.feedbackPerAssignment}
          returning id, mediator_id`,
    );
    if (!counted) {
      if ((await linkByToken(sys, token))?.live)
        throw problems.conflict({
          it: 'Questo collegamento ha già ricevuto tutte le risposte possibili.',
          en: 'This link has already received all the answers it takes.',
        });
      throw problems.notFound();
    }
    await sys.execute(
      sql`insert into mediation_person_feedback (mediator_id, understood, respected, again, answered_month)
          values (${counted.mediator_id}, ${input.understood}, ${input.respected}, ${input.again},
                  date_trunc('month', now() at time zone 'Europe/Rome')::date)`,
    );
    // Neither the assignment nor the address: the trail says an answer came, not whose or for whom.
    await writeAudit({ tx: sys, actor: ANONYMOUS, event: { action: 'mediation.person_answered' } });
  });
}

type TAnswers = NonNullable<z.infer<typeof ZFeedbackSummarySchema>['answers']>;

/**
 * A mediator's feedback for the mediation coordinator: the requesters' ratings (count and
 * average), and the people's answers counted per question and answer only when at least five
 * people answered — fewer, and nothing of them is shown, not even how many.
 */
export async function feedbackSummary({
  deps,
  ctx,
  mediatorId,
}: {
  deps: Deps;
  ctx: AccessContext;
  mediatorId: string;
}): Promise<z.infer<typeof ZFeedbackSummarySchema>> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      const [mediator] = await queryRows<{ id: string }>(
        tx,
        sql`select id from mediators where id = ${mediatorId}`,
      );
      if (!mediator) throw new OutOfScope('mediator', mediatorId);
      // Read as the coordinator: row-level security keeps it to the requests of their service.
      const [ratings] = await queryRows<{ n: number; average: number | null }>(
        tx,
        sql`select count(*)::int as n, round(avg(rt.rating), 2)::float8 as average
              from mediation_ratings rt join mediation_assignments a on a.id = rt.assignment_id
             where a.mediator_id = ${mediatorId}`,
      );
      // Counted as the owner (no request role reads the answers), and only the months already
      // closed: a coordinator reading the counts before and after a family's visit learns nothing.
      const counts = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ question: string; answer: string; n: number }>(
          sys,
          sql`select q.question, q.answer, count(*)::int as n
                from mediation_person_feedback f
                cross join lateral (values ('understood', f.understood), ('respected', f.respected),
                                           ('again', f.again)) as q(question, answer)
               where f.mediator_id = ${mediatorId}
                 and f.answered_month < date_trunc('month', now() at time zone 'Europe/Rome')::date
               group by q.question, q.answer`,
        ),
      );
      // Every answer counts once per question: the people are the count of any one question.
      const people = counts.filter((c) => c.question === 'understood').reduce((sum, c) => sum + c.n, 0);
      const shown = !sliceUnderK({ population: people, k: PEOPLE_K });
      let answers: TAnswers | null = null;
      if (shown) {
        answers = Object.fromEntries(
          FEEDBACK_QUESTIONS.map((q) => [
            q,
            Object.fromEntries(
              FEEDBACK_ANSWERS.map((a) => [
                a,
                counts.find((c) => c.question === q && c.answer === a)?.n ?? 0,
              ]),
            ),
          ]),
        ) as TAnswers;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.feedback_read', recordType: 'mediator', recordId: mediatorId },
      });
      return {
        ratings: ratings?.n ?? 0,
        averageRating: ratings?.average ?? null,
        people: shown ? people : null,
        answers,
      };
    },
  });
}
