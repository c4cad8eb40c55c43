import { sql } from 'drizzle-orm';
import { type Queryable, queryRows, sqlArray } from '../../platform/db/client.js';
import { sliceUnderK } from '../../platform/disclosure/disclosure.js';

/**
 * The anonymous feedback of events (public-feedback.ts writes it), as other modules read it: the
 * website's conference pages show the survey of their event, and report it to the impact module.
 * Answers carry the month only and nothing that leads back to who gave them.
 */

export interface FeedbackSummary {
  answers: number;
  /** Averages on the 1–5 scale; null under `k` answers (an average of fewer could be one person's own). */
  useful: number | null;
  understood: number | null;
}

/**
 * The answers about these events, in a period of months when given (both ends included, ISO
 * dates): their count, and their averages only from `k` answers (platform/disclosure).
 */
export async function feedbackSummary(
  on: Queryable,
  { eventIds, period, k }: { eventIds: readonly string[]; period?: { from: string; to: string }; k: number },
): Promise<FeedbackSummary> {
  if (eventIds.length === 0) return { answers: 0, useful: null, understood: null };
  const [row] = await queryRows<{ answers: number; useful: string | null; understood: string | null }>(
    on,
    sql`select count(*)::int as answers, avg(useful) as useful, avg(understood) as understood
          from community_feedback where event_id = any (${sqlArray(eventIds, 'uuid')})
          ${period ? sql`and month between date_trunc('month', ${period.from}::date)::date and ${period.to}::date` : sql``}`,
  );
  const answers = row?.answers ?? 0;
  if (sliceUnderK({ population: answers, k })) return { answers, useful: null, understood: null };
  const mean = (v: string | null | undefined) => (v == null ? null : Math.round(Number(v) * 100) / 100);
  return { answers, useful: mean(row?.useful), understood: mean(row?.understood) };
}

/** The answers' ids (for the impact module's pseudonymous codes), in the same period. */
export async function feedbackIds(
  on: Queryable,
  { eventIds, period }: { eventIds: readonly string[]; period: { from: string; to: string } },
) {
  if (eventIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    on,
    sql`select id from community_feedback where event_id = any (${sqlArray(eventIds, 'uuid')})
          and month between date_trunc('month', ${period.from}::date)::date and ${period.to}::date order by id`,
  );
  return rows.map((r) => r.id);
}
