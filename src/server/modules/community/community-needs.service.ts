import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZNeedAnswerSchema,
  ZNeedInputSchema,
  ZNeedListQuerySchema,
  ZNeedSchema,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCommunityWorker } from './community.policy.js';
import { requireHolder } from './community-holders.repository.js';

/**
 * Information needs (issue 19, item 2): what a holder's community asked for, from meetings and
 * surveys, on the taxonomy of NEED_TOPICS, and what was answered. The registry's own data (no
 * person in it), read by every directory reader, recorded by community workers.
 */

type TNeed = z.infer<typeof ZNeedSchema>;
type NeedInput = z.infer<typeof ZNeedInputSchema>;
type NeedAnswer = z.infer<typeof ZNeedAnswerSchema>;
type NeedQuery = z.infer<typeof ZNeedListQuerySchema>;

/** "What each community asked for" is read in one page: the newest needs, at most this many. */
export const NEEDS_LIST_LIMIT = 500;

interface NeedRow {
  id: string;
  holder_id: string;
  holder_name: string;
  topic: TNeed['topic'];
  community: string | null;
  source: TNeed['source'];
  recorded_on: string;
  question: string;
  answer: string | null;
  answered_on: string | null;
}

const NEED_SELECT = sql`select n.id, n.holder_id, h.name as holder_name, n.topic, n.community, n.source,
       n.recorded_on::text as recorded_on, n.question, n.answer, n.answered_on::text as answered_on
  from community_needs n join community_holders h on h.id = n.holder_id`;

const NEWEST_FIRST = sql`order by n.recorded_on desc, n.created_at desc, n.id`;

const needOf = (r: NeedRow): TNeed => ({
  id: r.id,
  holderId: r.holder_id,
  holderName: r.holder_name,
  topic: r.topic,
  community: r.community,
  source: r.source,
  recordedOn: r.recorded_on,
  question: r.question,
  answer: r.answer,
  answeredOn: r.answered_on,
});

async function loadNeeds(tx: Tx, where: SQL) {
  const rows = await queryRows<NeedRow>(
    tx,
    sql`${NEED_SELECT} where ${where} ${NEWEST_FIRST} limit ${NEEDS_LIST_LIMIT}`,
  );
  return rows.map(needOf);
}

export async function holderNeeds({
  deps,
  ctx,
  holderId,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, holderId);
      return { items: await loadNeeds(tx, sql`n.holder_id = ${holderId}`) };
    },
  });
}

/** What each community asked for and what was answered, across the registry, newest first. */
export async function listNeeds({ deps, ctx, query }: { deps: Deps; ctx: AccessContext; query: NeedQuery }) {
  const parts: SQL[] = [sql`true`];
  if (query.topic) parts.push(sql`n.topic = ${query.topic}`);
  if (query.community) parts.push(sql`n.community = ${query.community}`);
  if (query.answered === 'true') parts.push(sql`n.answered_on is not null`);
  if (query.answered === 'false') parts.push(sql`n.answered_on is null`);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => ({ items: await loadNeeds(tx, sql.join(parts, sql` and `)) }),
  });
}

export async function addNeed({
  deps,
  ctx,
  holderId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
  input: NeedInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, holderId);
      await requireCommunityWorker(tx);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into community_needs (holder_id, topic, community, source, recorded_on, question, recorded_by)
            values (${holderId}, ${input.topic}, ${input.community}, ${input.source}, ${input.recordedOn},
              ${input.question}, ${ctx.userId})
            returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.need_recorded',
          recordType: 'community_holder',
          recordId: holderId,
          details: { needId: row!.id, topic: input.topic },
        },
      });
      const [need] = await loadNeeds(tx, sql`n.id = ${row!.id}`);
      return need!;
    },
  });
}

const answeredBeforeAsked = () =>
  problems.field('answeredOn', 'before_recorded', {
    it: 'La risposta non può venire prima della richiesta.',
    en: 'The answer cannot come before the need was recorded.',
  });

/** Records (or corrects) the answer given to a need; it cannot predate the need itself. */
export async function answerNeed({
  deps,
  ctx,
  needId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  needId: string;
  input: NeedAnswer;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [current] = await queryRows<{ holder_id: string; recorded_on: string }>(
        tx,
        sql`select holder_id, recorded_on::text as recorded_on from community_needs where id = ${needId}`,
      );
      if (!current) throw problems.notFound();
      await requireCommunityWorker(tx);
      if (input.answeredOn < current.recorded_on) throw answeredBeforeAsked();
      await tx.execute(
        sql`update community_needs set answer = ${input.answer}, answered_on = ${input.answeredOn}
             where id = ${needId}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.need_answered',
          recordType: 'community_holder',
          recordId: current.holder_id,
          details: { needId },
        },
      });
      const [need] = await loadNeeds(tx, sql`n.id = ${needId}`);
      return need!;
    },
  });
}
