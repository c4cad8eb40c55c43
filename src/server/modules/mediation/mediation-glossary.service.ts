import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TGlossaryQuery,
  TGlossaryTerm,
  ZGlossaryTermInputSchema,
} from '../../../contracts/mediation-library.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireLanguage, requireLibraryWriter } from './mediation-library.policy.js';

/**
 * The glossary of the intercultural communication unit (issue 18, item 7): social-service and legal
 * terms in Italian, each with its translations and notes, read by every member of staff and kept by
 * mediators and the mediation coordinator. Not personal data: searches are not audited, changes are.
 */

interface TermRow {
  id: string;
  term: string;
  domain: TGlossaryTerm['domain'];
  definition: string | null;
  updated_at: Date | string;
  translations: TGlossaryTerm['translations'] | null;
}

/** Terms with their translations (all, or one language's), in the Italian order of terms. */
async function loadTerms(tx: Tx, where: SQL, language?: string): Promise<TGlossaryTerm[]> {
  const rows = await queryRows<TermRow>(
    tx,
    sql`select t.id, t.term, t.domain, t.definition, t.updated_at,
               (select json_agg(json_build_object('language', g.language, 'rtl', l.rtl,
                        'translation', g.translation, 'note', g.note) order by l.name_it)
                  from glossary_translations g join languages l on l.code = g.language
                 where g.term_id = t.id ${language ? sql`and g.language = ${language}` : sql``}) as translations
          from glossary_terms t
         where ${where}
         order by trama_fold(t.term), t.id limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    term: r.term,
    domain: r.domain,
    definition: r.definition,
    translations: (r.translations ?? []).map((t) => ({ ...t, note: t.note ?? null })),
    updatedAt: isoTime(r.updated_at) ?? '',
  }));
}

/** A LIKE pattern that finds `q` anywhere, its wildcards taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The search: the Italian term or any translation containing the words, whatever their accents and
 * case (trama_fold); a language keeps the terms translated into it, with that translation only.
 */
export async function searchGlossary({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: TGlossaryQuery;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const filters: SQL[] = [sql`true`];
      if (query.domain) filters.push(sql`t.domain = ${query.domain}`);
      if (query.language)
        filters.push(
          sql`exists (select 1 from glossary_translations g where g.term_id = t.id and g.language = ${query.language})`,
        );
      if (query.q) {
        const pattern = sql`trama_fold(${containing(query.q)})`;
        filters.push(sql`(trama_fold(t.term) like ${pattern} escape '\\'
          or exists (select 1 from glossary_translations g where g.term_id = t.id
                       and trama_fold(g.translation) like ${pattern} escape '\\'))`);
      }
      return { items: await loadTerms(tx, sql.join(filters, sql` and `), query.language) };
    },
  });
}

export async function getGlossaryTerm({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [term] = await loadTerms(tx, sql`t.id = ${id}`);
      if (!term) throw new OutOfScope('glossary_term', id);
      return term;
    },
  });
}

/** Creates (no id) or replaces a term with its translations, replaced whole. */
export async function saveGlossaryTerm({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string | null;
  input: z.output<typeof ZGlossaryTermInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireLibraryWriter(tx);
      const seen = new Set<string>();
      for (const [i, t] of input.translations.entries()) {
        if (seen.has(t.language))
          throw problems.field(`translations.${i}.language`, 'duplicate', {
            it: 'Questa lingua compare due volte.',
            en: 'This language appears twice.',
          });
        seen.add(t.language);
        await requireLanguage(tx, t.language, `translations.${i}.language`);
      }
      let termId = id;
      try {
        if (termId) {
          const changed = await queryRows<{ id: string }>(
            tx,
            sql`update glossary_terms set term = ${input.term}, domain = ${input.domain},
                       definition = ${input.definition ?? null}, updated_by = ${ctx.userId}, updated_at = now()
                 where id = ${termId} returning id`,
          );
          if (!changed[0]) throw new OutOfScope('glossary_term', termId);
          await queryRows(tx, sql`delete from glossary_translations where term_id = ${termId}`);
        } else {
          const [row] = await queryRows<{ id: string }>(
            tx,
            sql`insert into glossary_terms (term, domain, definition, updated_by)
                values (${input.term}, ${input.domain}, ${input.definition ?? null}, ${ctx.userId}) returning id`,
          );
          termId = row!.id;
        }
      } catch (error) {
        if (pgErrorCode(error) === '23505')
          throw problems.field(
            'term',
            'taken',
            { it: 'Questa voce è già nel glossario.', en: 'This term is already in the glossary.' },
            409,
          );
        throw error;
      }
      for (const t of input.translations)
        await queryRows(
          tx,
          sql`insert into glossary_translations (term_id, language, translation, note)
              values (${termId}, ${t.language}, ${t.translation}, ${t.note ?? null})`,
        );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.glossary_term_saved',
          recordType: 'glossary_term',
          recordId: termId,
          details: { created: id === null, translations: input.translations.length },
        },
      });
      const [term] = await loadTerms(tx, sql`t.id = ${termId}`);
      return term!;
    },
  });
}
