import { type SQL, sql } from 'drizzle-orm';
import type { THolder, THolderDetail } from '../../../contracts/community.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { countOf, queryRows, type Tx } from '../../platform/db/client.js';
import { type FieldError, problems } from '../../platform/http/problem.js';

/**
 * The registry of community holders as its readers see it: the list with its filters, one holder
 * with its reference people (and their consents) and its relationships in both directions. Reads
 * run as the caller (RLS: every directory reader sees the registry).
 */

export interface HolderFilter {
  q?: string | undefined;
  kind?: string | undefined;
  municipality?: string | undefined;
  community?: string | undefined;
  need?: string | undefined;
  opinionLeaders?: boolean | undefined;
  /** The map shows the holders still active only. */
  activeOnly?: boolean;
}

interface HolderRow {
  id: string;
  name: string;
  kind: THolder['kind'];
  municipality: string;
  municipality_name: string;
  district: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  languages: string[];
  communities: string[];
  size: THolder['size'];
  legal_form: THolder['legalForm'];
  keeper_organisation_id: string | null;
  keeper_organisation_name: string | null;
  notes: string | null;
  active: boolean;
  opinion_leaders: number;
  need_topics: THolder['needTopics'];
}

const HOLDER_SELECT = sql`select h.id, h.name, h.kind, h.municipality, m.name as municipality_name,
       d.name as district, h.address, h.phone, h.email, h.website, h.languages, h.communities, h.size,
       h.legal_form, h.keeper_organisation_id, o.name as keeper_organisation_name, h.notes, h.active,
       (select count(*)::int from community_holder_people p where p.holder_id = h.id and p.opinion_leader) as opinion_leaders,
       array(select distinct n.topic from community_needs n where n.holder_id = h.id order by n.topic) as need_topics
  from community_holders h join municipalities m on m.istat_code = h.municipality
  left join districts d on d.id = m.district_id
  left join organisations o on o.id = h.keeper_organisation_id`;

/** The filters of the list and of the map, as one `where` (every value a parameter). */
export function holderWhere(filter: HolderFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.q) parts.push(sql`h.name ilike ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.kind) parts.push(sql`h.kind = ${filter.kind}`);
  if (filter.municipality) parts.push(sql`h.municipality = ${filter.municipality}`);
  if (filter.community) parts.push(sql`${filter.community}::text = any (h.communities)`);
  if (filter.need)
    parts.push(
      sql`exists (select 1 from community_needs n where n.holder_id = h.id and n.topic = ${filter.need})`,
    );
  if (filter.opinionLeaders)
    parts.push(
      sql`exists (select 1 from community_holder_people p where p.holder_id = h.id and p.opinion_leader)`,
    );
  if (filter.activeOnly) parts.push(sql`h.active`);
  return sql.join(parts, sql` and `);
}

const holderOf = (r: HolderRow, canEdit: boolean): THolder => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  municipality: r.municipality,
  municipalityName: r.municipality_name,
  district: r.district,
  address: r.address,
  phone: r.phone,
  email: r.email,
  website: r.website,
  languages: r.languages,
  communities: r.communities,
  size: r.size,
  legalForm: r.legal_form,
  keeperOrganisationId: r.keeper_organisation_id,
  keeperOrganisationName: r.keeper_organisation_name,
  notes: r.notes,
  active: r.active,
  opinionLeaders: r.opinion_leaders,
  needTopics: r.need_topics,
  canEdit,
});

export async function listHolders({
  tx,
  filter,
  page,
  pageSize,
  canEdit,
}: {
  tx: Tx;
  filter: HolderFilter;
  page: number;
  pageSize: number;
  canEdit: boolean;
}) {
  const where = holderWhere(filter);
  const rows = await queryRows<HolderRow>(
    tx,
    sql`${HOLDER_SELECT} where ${where} order by h.name, h.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const total = await countOf(tx, sql`select count(*)::int as n from community_holders h where ${where}`);
  return { items: rows.map((r) => holderOf(r, canEdit)), total };
}

/** A holder the reader sees; anyone else (and an unknown id) gets the audited 404. */
export async function requireHolder(tx: Tx, id: string): Promise<{ id: string; name: string }> {
  const [row] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from community_holders where id = ${id}`,
  );
  if (!row) throw new OutOfScope('community_holder', id);
  return row;
}

interface PersonRow {
  id: string;
  holder_id: string;
  full_name: string;
  role_title: string | null;
  phone: string | null;
  email: string | null;
  opinion_leader: boolean;
  influence_topics: THolderDetail['people'][number]['influenceTopics'];
  influence_community: string | null;
  consents: THolderDetail['people'][number]['consents'] | null;
}

export const PERSON_SELECT = sql`select p.id, p.holder_id, p.full_name, p.role_title, p.phone, p.email, p.opinion_leader,
       p.influence_topics, p.influence_community,
       (select json_agg(json_build_object('id', c.id, 'purpose', c.purpose, 'channel', c.channel,
                'givenOn', c.given_on::text, 'withdrawnOn', c.withdrawn_on::text) order by c.given_on, c.id)
          from community_consents c where c.person_id = p.id) as consents
  from community_holder_people p`;

export const personOf = (r: PersonRow): THolderDetail['people'][number] => ({
  id: r.id,
  holderId: r.holder_id,
  fullName: r.full_name,
  roleTitle: r.role_title,
  phone: r.phone,
  email: r.email,
  opinionLeader: r.opinion_leader,
  influenceTopics: r.influence_topics,
  influenceCommunity: r.influence_community,
  consents: r.consents ?? [],
});

export async function loadPerson(tx: Tx, personId: string) {
  const [row] = await queryRows<PersonRow>(tx, sql`${PERSON_SELECT} where p.id = ${personId}`);
  return row ? personOf(row) : undefined;
}

/** One holder with its people and its relationships, as the reader may see it. */
export async function loadHolder(tx: Tx, id: string, canEdit: boolean): Promise<THolderDetail> {
  const [row] = await queryRows<HolderRow>(tx, sql`${HOLDER_SELECT} where h.id = ${id}`);
  if (!row) throw new OutOfScope('community_holder', id);
  const people = await queryRows<PersonRow>(
    tx,
    sql`${PERSON_SELECT} where p.holder_id = ${id} order by p.opinion_leader desc, p.full_name, p.id`,
  );
  const links = await queryRows<{
    from_holder_id: string;
    to_holder_id: string;
    other_name: string;
    kind: THolderDetail['links'][number]['kind'];
    direction: 'outgoing' | 'incoming';
  }>(
    tx,
    sql`select l.from_holder_id, l.to_holder_id, o.name as other_name, l.kind, 'outgoing' as direction
          from community_holder_links l join community_holders o on o.id = l.to_holder_id where l.from_holder_id = ${id}
        union all
        select l.from_holder_id, l.to_holder_id, o.name as other_name, l.kind, 'incoming' as direction
          from community_holder_links l join community_holders o on o.id = l.from_holder_id where l.to_holder_id = ${id}
        order by other_name, kind, direction`,
  );
  return {
    ...holderOf(row, canEdit),
    people: people.map(personOf),
    links: links.map((l) => ({
      fromHolderId: l.from_holder_id,
      toHolderId: l.to_holder_id,
      otherName: l.other_name,
      kind: l.kind,
      direction: l.direction,
    })),
  };
}

/**
 * The references a body names must exist (and be visible to the writer): each missing one is a
 * 400 naming its field, all at once. Judged before the insert, so the answer names the field
 * rather than a foreign key the database reports without it.
 */
export async function requireReferences(tx: Tx, references: { field: string; exists: SQL | null }[]) {
  const errors: FieldError[] = [];
  for (const { field, exists } of references) {
    if (!exists) continue;
    const [row] = await queryRows<{ yes: boolean }>(tx, sql`select exists (${exists}) as yes`);
    if (!row?.yes)
      errors.push({
        field,
        code: 'unknown',
        message: {
          it: 'Non si trova: scegline uno dall’elenco.',
          en: 'Not found: choose one from the list.',
        },
      });
  }
  if (errors.length > 0) throw problems.fields(errors);
}

export const municipalityExists = (code: string) =>
  sql`select 1 from municipalities where istat_code = ${code}`;
export const organisationExists = (id: string | null) =>
  id ? sql`select 1 from organisations where id = ${id}` : null;
export const holderExists = (id: string | null) =>
  id ? sql`select 1 from community_holders where id = ${id}` : null;
export const eventExists = (id: string | null) =>
  id ? sql`select 1 from community_events where id = ${id}` : null;
