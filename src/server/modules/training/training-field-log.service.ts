import { sql } from 'drizzle-orm';
import type { TFieldLogEntry, TFieldLogInput } from '../../../contracts/training.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { managesService, requireEdition } from './training.policy.js';

/**
 * The field log of experiential training (WP3): the trainee writes, the edition's trainers read
 * and answer. A case is linked only by a member of its team; the trainers learn only that an
 * entry is linked, never which case.
 */
async function entriesOf({ tx, ctx, gatheringId }: { tx: Tx; ctx: AccessContext; gatheringId: string }) {
  const rows = await queryRows<{
    id: string;
    place_id: string;
    user_id: string | null;
    entry_on: string;
    hours: string | number;
    activity: string;
    reflections: string;
    case_id: string | null;
    feedback: string | null;
    feedback_at: Date | null;
    created_by: string;
  }>(
    tx,
    sql`select f.id, f.place_id, p.user_id, f.entry_on::text, f.hours, f.activity, f.reflections, f.case_id,
               f.feedback, f.feedback_at, f.created_by
          from training_field_logs f join gathering_places p on p.id = f.place_id
         where p.gathering_id = ${gatheringId} order by f.entry_on desc, f.created_at desc limit 1000`,
  );
  // Names as the owner, for the rows the caller already reads; case codes for the author only.
  const authors = [...new Set(rows.map((r) => r.created_by))];
  const names = new Map<string, string>();
  if (authors.length)
    for (const u of await unsafeAsSystem(tx, (sys) =>
      queryRows<{ id: string; display_name: string }>(
        sys,
        sql`select id, display_name from users where id in (${uuidList(authors)})`,
      ),
    ))
      names.set(u.id, u.display_name);
  const ownCases = rows.filter((r) => r.case_id && r.created_by === ctx.userId).map((r) => r.case_id!);
  const codes = new Map<string, string>();
  if (ownCases.length)
    for (const c of await queryRows<{ id: string; code: string }>(
      tx,
      sql`select id, code from cases where id in (${uuidList(ownCases)})`,
    ))
      codes.set(c.id, c.code);
  return rows.map(
    (r): TFieldLogEntry => ({
      id: r.id,
      traineeName: names.get(r.created_by) ?? '',
      entryOn: r.entry_on,
      hours: Number(r.hours),
      activity: r.activity,
      reflections: r.reflections,
      caseCode: r.case_id && r.created_by === ctx.userId ? (codes.get(r.case_id) ?? null) : null,
      linkedToCase: r.case_id !== null,
      feedback: r.feedback,
      feedbackAt: isoTime(r.feedback_at),
      mine: r.created_by === ctx.userId,
    }),
  );
}

export async function readFieldLog({
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
      const entries = await entriesOf({ tx, ctx, gatheringId: edition.gathering_id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.field_log_read',
          recordType: 'training_edition',
          recordId: editionId,
          details: { count: entries.length },
        },
      });
      return { entries, totalHours: Math.round(entries.reduce((s, e) => s + e.hours, 0) * 100) / 100 };
    },
  });
}

export async function writeFieldLog({
  deps,
  ctx,
  editionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  editionId: string;
  input: TFieldLogInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const edition = await requireEdition({ tx, editionId });
      if (edition.strand !== 'experiential')
        throw new HttpProblem(
          409,
          'not-experiential',
          { it: 'Non è formazione esperienziale', en: 'Not experiential training' },
          {
            it: 'Il diario del lavoro sul campo è delle edizioni di formazione esperienziale.',
            en: 'The field log belongs to editions of experiential training.',
          },
        );
      const [place] = await queryRows<{ id: string }>(
        tx,
        sql`select id from gathering_places where gathering_id = ${edition.gathering_id} and user_id = ${ctx.userId}
             and status = 'confirmed'`,
      );
      if (!place)
        throw new HttpProblem(
          403,
          'not-participant',
          { it: 'Non iscritto', en: 'Not enrolled' },
          {
            it: 'Il diario è di chi ha un posto confermato in questa edizione.',
            en: 'The log is for people with a confirmed place in this edition.',
          },
        );
      if (input.caseId) {
        const [onTeam] = await queryRows<{ yes: boolean }>(
          tx,
          sql`select ${input.caseId}::uuid = any ((select trama_team_cases('{lead,member}'))::uuid[]) as yes`,
        );
        if (!onTeam?.yes)
          throw problems.field('caseId', 'not_on_team', {
            it: 'Puoi collegare solo un caso della cui équipe fai parte.',
            en: 'You can link only a case whose team you are on.',
          });
      }
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into training_field_logs (place_id, entry_on, hours, activity, reflections, case_id, created_by)
            values (${place.id}, ${input.entryOn}, ${input.hours}, ${input.activity}, ${input.reflections},
              ${input.caseId}, ${ctx.userId})
            returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'training.field_log_written', recordType: 'training_edition', recordId: editionId },
      });
      const entries = await entriesOf({ tx, ctx, gatheringId: edition.gathering_id });
      return entries.find((e) => e.id === row!.id)!;
    },
  });
}

export async function answerFieldLog({
  deps,
  ctx,
  entryId,
  feedback,
}: {
  deps: Deps;
  ctx: AccessContext;
  entryId: string;
  feedback: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [entry] = await queryRows<{ gathering_id: string; owner_service_id: string; edition_id: string }>(
        tx,
        sql`select p.gathering_id, g.owner_service_id, e.id as edition_id
              from training_field_logs f join gathering_places p on p.id = f.place_id
              join gatherings g on g.id = p.gathering_id join training_editions e on e.gathering_id = g.id
             where f.id = ${entryId}`,
      );
      if (!entry || !managesService(ctx, entry.owner_service_id))
        throw new OutOfScope('training_edition', entryId);
      await tx.execute(
        sql`update training_field_logs set feedback = ${feedback}, feedback_by = ${ctx.userId}, feedback_at = now()
             where id = ${entryId}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.field_log_feedback',
          recordType: 'training_edition',
          recordId: entry.edition_id,
        },
      });
      const entries = await entriesOf({ tx, ctx, gatheringId: entry.gathering_id });
      return entries.find((e) => e.id === entryId)!;
    },
  });
}
