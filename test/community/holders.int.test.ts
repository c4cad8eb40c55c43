import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THolder, THolderDetail } from '../../src/contracts/community.js';
import { communityTestKit, ROMANO, TREVIGLIO, WORKER } from './support.js';

const { call, ok, system } = communityTestKit();

/** A name no demo holder has, so filters can be checked on this test's holders only. */
const tag = () => `Prova ${randomUUID().slice(0, 8)}`;

function newHolder(overrides: Record<string, unknown> = {}) {
  return ok<THolderDetail>(WORKER, 'POST', '/api/community/holders', {
    name: `${tag()} Associazione`,
    kind: 'foreign_citizens_association',
    municipality: TREVIGLIO,
    languages: ['ar', 'fr'],
    communities: ['MA', 'SN'],
    ...overrides,
  });
}

const list = (who: string, query: string) =>
  ok<{ items: THolder[]; total: number }>(who, 'GET', `/api/community/holders?${query}`);

describe('community holders: who may do what', () => {
  it('every practitioner reads the directory; only a community worker writes; a researcher is refused', async () => {
    const holder = await newHolder();
    expect(holder.canEdit).toBe(true);
    expect(holder.municipalityName).toBe('Treviglio');
    expect(holder.district).not.toBeNull();

    const seen = await list('operatrice', `q=${encodeURIComponent(holder.name)}`);
    expect(seen.items.map((h) => h.id)).toEqual([holder.id]);
    expect(seen.items[0]!.canEdit).toBe(false);
    const detail = await ok<THolderDetail>('operatrice', 'GET', `/api/community/holders/${holder.id}`);
    expect(detail.canEdit).toBe(false);

    const valid = { name: 'Circolo', kind: 'sports_club', municipality: TREVIGLIO };
    expect((await call('operatrice', 'POST', '/api/community/holders', valid)).statusCode).toBe(403);
    expect((await call('operatrice', 'PUT', `/api/community/holders/${holder.id}`, valid)).statusCode).toBe(
      403,
    );
    const person = { fullName: 'Qualcuno' };
    expect(
      (await call('operatrice', 'POST', `/api/community/holders/${holder.id}/people`, person)).statusCode,
    ).toBe(403);
    expect((await call('ricercatrice', 'GET', '/api/community/holders')).statusCode).toBe(403);
    expect((await call('ricercatrice', 'GET', `/api/community/holders/${holder.id}`)).statusCode).toBe(403);

    // The reads are on the trail: the list with its count, the holder by its id.
    const audit = await system<{ action: string; details: { count?: number } | null }>(
      sql`select action, details from audit_events
           where actor_username = 'operatrice' and action in ('community.holders_listed', 'community.holder_read')
           order by occurred_at desc limit 2`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['community.holder_read', 'community.holders_listed']);
    expect(audit.find((a) => a.action === 'community.holders_listed')?.details?.count).toBe(1);
  });

  it('unknown ids are 404; unknown references are 400 naming the field', async () => {
    expect((await call('operatrice', 'GET', `/api/community/holders/${randomUUID()}`)).statusCode).toBe(404);
    const bad = await call(WORKER, 'POST', '/api/community/holders', {
      name: 'Nessun luogo',
      kind: 'parish',
      municipality: '999999',
      keeperOrganisationId: randomUUID(),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['keeperOrganisationId', 'municipality']);
  });
});

describe('community holders: the registry', () => {
  it('creates, reads and changes a holder with its keeper organisation', async () => {
    const [keeper] = await system<{ id: string; name: string }>(
      sql`select id, name from organisations order by name limit 1`,
    );
    const holder = await newHolder({
      kind: 'parish',
      address: 'Piazza Manara 1',
      phone: '0363 000000',
      email: 'parrocchia@example.org',
      website: 'https://parrocchia.example.org',
      size: '250_plus',
      legalForm: 'religious_body',
      keeperOrganisationId: keeper!.id,
      notes: 'Sala disponibile il martedì',
    });
    expect(holder).toMatchObject({
      kind: 'parish',
      size: '250_plus',
      legalForm: 'religious_body',
      keeperOrganisationName: keeper!.name,
      active: true,
      people: [],
      links: [],
    });
    const [before] = await system<{ updated_at: Date }>(
      sql`select updated_at from community_holders where id = ${holder.id}`,
    );
    const changed = await ok<THolderDetail>(WORKER, 'PUT', `/api/community/holders/${holder.id}`, {
      name: `${holder.name} (oratorio)`,
      kind: 'parish',
      municipality: ROMANO,
      communities: ['RO'],
      active: false,
    });
    expect(changed).toMatchObject({
      name: `${holder.name} (oratorio)`,
      municipality: ROMANO,
      communities: ['RO'],
      languages: [],
      keeperOrganisationId: null,
      active: false,
    });
    const [after] = await system<{ updated_at: Date }>(
      sql`select updated_at from community_holders where id = ${holder.id}`,
    );
    expect(new Date(after!.updated_at).getTime()).toBeGreaterThan(new Date(before!.updated_at).getTime());
    expect(
      (await ok<THolderDetail>('operatrice', 'GET', `/api/community/holders/${holder.id}`)).name,
    ).toContain('oratorio');
  });

  it('filters by name, kind, comune, community, need and opinion leaders', async () => {
    const prefix = tag();
    const mosque = await newHolder({
      name: `${prefix} Centro culturale islamico`,
      kind: 'faith_community',
      communities: ['MA', 'PK'],
    });
    const club = await newHolder({
      name: `${prefix} Polisportiva`,
      kind: 'sports_club',
      municipality: ROMANO,
      communities: ['AL'],
    });
    const school = await newHolder({
      name: `${prefix} Istituto comprensivo`,
      kind: 'school',
      communities: [],
    });
    await ok(WORKER, 'POST', `/api/community/holders/${club.id}/needs`, {
      topic: 'documents',
      source: 'meeting',
      recordedOn: '2026-02-10',
      question: 'Come si rinnova il permesso di soggiorno?',
    });
    await ok(WORKER, 'POST', `/api/community/holders/${mosque.id}/people`, {
      fullName: 'Imam Youssef',
      opinionLeader: true,
      influenceTopics: ['parenting'],
      influenceCommunity: 'MA',
    });
    const q = `q=${encodeURIComponent(prefix)}`;
    const names = async (query: string) => (await list('operatrice', `${q}&${query}`)).items.map((h) => h.id);

    const all = await list('operatrice', q);
    expect(all.total).toBe(3);
    // By name, then id.
    expect(all.items.map((h) => h.id)).toEqual([mosque.id, school.id, club.id]);
    expect(await names('kind=sports_club')).toEqual([club.id]);
    expect(await names(`municipality=${ROMANO}`)).toEqual([club.id]);
    expect(await names('community=MA')).toEqual([mosque.id]);
    expect(await names('need=documents')).toEqual([club.id]);
    expect(await names('opinionLeaders=true')).toEqual([mosque.id]);
    expect(await names('need=health')).toEqual([]);
    const paged = await list('operatrice', `${q}&pageSize=2&page=2`);
    expect(paged).toMatchObject({ total: 3, items: [{ id: club.id }] });

    const leader = all.items.find((h) => h.id === mosque.id)!;
    expect(leader.opinionLeaders).toBe(1);
    expect(all.items.find((h) => h.id === club.id)!.needTopics).toEqual(['documents']);
    // A wildcard in the search is a letter, not a pattern.
    expect((await list('operatrice', `q=${encodeURIComponent(`${prefix}%`)}`)).total).toBe(0);
  });
});

describe('community holders: reference people, consents, relationships', () => {
  it('keeps reference people and their consents; a consent is withdrawn once', async () => {
    const holder = await newHolder();
    const person = await ok<THolderDetail['people'][number]>(
      WORKER,
      'POST',
      `/api/community/holders/${holder.id}/people`,
      { fullName: 'Awa Diop', roleTitle: 'Presidente', phone: '333 1112223', opinionLeader: false },
    );
    expect(person).toMatchObject({ holderId: holder.id, fullName: 'Awa Diop', consents: [] });
    const updated = await ok<THolderDetail['people'][number]>(
      WORKER,
      'PUT',
      `/api/community/holders/${holder.id}/people/${person.id}`,
      {
        fullName: 'Awa Diop',
        roleTitle: 'Presidente',
        opinionLeader: true,
        influenceTopics: ['health', 'violence_safety'],
        influenceCommunity: 'SN',
      },
    );
    expect(updated).toMatchObject({ opinionLeader: true, phone: null, influenceCommunity: 'SN' });

    const consent = await ok<{ id: string; withdrawnOn: string | null; givenOn: string }>(
      WORKER,
      'POST',
      `/api/community/holders/${holder.id}/people/${person.id}/consents`,
      { purpose: 'events', channel: 'phone', givenOn: '2026-03-01' },
    );
    expect(consent).toMatchObject({ purpose: 'events', givenOn: '2026-03-01', withdrawnOn: null });

    const early = await call(WORKER, 'POST', `/api/community/consents/${consent.id}/withdraw`, {
      withdrawnOn: '2026-02-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('withdrawnOn');
    expect(
      (
        await call('operatrice', 'POST', `/api/community/consents/${consent.id}/withdraw`, {
          withdrawnOn: '2026-04-01',
        })
      ).statusCode,
    ).toBe(403);
    const withdrawn = await ok<{ withdrawnOn: string }>(
      WORKER,
      'POST',
      `/api/community/consents/${consent.id}/withdraw`,
      { withdrawnOn: '2026-04-01' },
    );
    expect(withdrawn.withdrawnOn).toBe('2026-04-01');
    const again = await call(WORKER, 'POST', `/api/community/consents/${consent.id}/withdraw`, {
      withdrawnOn: '2026-05-01',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await call(WORKER, 'POST', `/api/community/consents/${randomUUID()}/withdraw`, {
          withdrawnOn: '2026-05-01',
        })
      ).statusCode,
    ).toBe(404);

    const detail = await ok<THolderDetail>('operatrice', 'GET', `/api/community/holders/${holder.id}`);
    expect(detail.opinionLeaders).toBe(1);
    expect(detail.people).toHaveLength(1);
    expect(detail.people[0]!.consents).toEqual([
      {
        id: consent.id,
        purpose: 'events',
        channel: 'phone',
        givenOn: '2026-03-01',
        withdrawnOn: '2026-04-01',
      },
    ]);

    // A person of another holder is not this holder's.
    const other = await newHolder();
    expect(
      (await call(WORKER, 'DELETE', `/api/community/holders/${other.id}/people/${person.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await call('operatrice', 'DELETE', `/api/community/holders/${holder.id}/people/${person.id}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(WORKER, 'DELETE', `/api/community/holders/${holder.id}/people/${person.id}`)).statusCode,
    ).toBe(204);
    expect((await ok<THolderDetail>(WORKER, 'GET', `/api/community/holders/${holder.id}`)).people).toEqual(
      [],
    );
  });

  it('two withdrawals of one consent at once: one succeeds, the other is refused', async () => {
    const holder = await newHolder();
    const person = await ok<{ id: string }>(WORKER, 'POST', `/api/community/holders/${holder.id}/people`, {
      fullName: 'Luca Bianchi',
    });
    const consent = await ok<{ id: string }>(
      WORKER,
      'POST',
      `/api/community/holders/${holder.id}/people/${person.id}/consents`,
      { purpose: 'surveys', channel: 'in_person', givenOn: '2026-01-10' },
    );
    const answers = await Promise.all(
      ['2026-02-01', '2026-02-02', '2026-02-03'].map((withdrawnOn) =>
        call(WORKER, 'POST', `/api/community/consents/${consent.id}/withdraw`, { withdrawnOn }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const [kept] = await system<{ withdrawn_on: string }>(
      sql`select withdrawn_on::text from community_consents where id = ${consent.id}`,
    );
    expect(kept!.withdrawn_on).toBe(answers.find((a) => a.statusCode === 200)!.json().withdrawnOn);
  });

  it('relates holders in both directions; no holder is related to itself', async () => {
    const school = await newHolder({ kind: 'school' });
    const network = await newHolder({ kind: 'volunteer_association' });
    const link = await ok(WORKER, 'POST', `/api/community/holders/${school.id}/links`, {
      toHolderId: network.id,
      kind: 'member_of',
    });
    expect(link).toMatchObject({ fromHolderId: school.id, toHolderId: network.id, direction: 'outgoing' });
    // Saving it twice changes nothing.
    await ok(WORKER, 'POST', `/api/community/holders/${school.id}/links`, {
      toHolderId: network.id,
      kind: 'member_of',
    });

    const from = await ok<THolderDetail>('operatrice', 'GET', `/api/community/holders/${school.id}`);
    expect(from.links).toEqual([
      {
        fromHolderId: school.id,
        toHolderId: network.id,
        otherName: network.name,
        kind: 'member_of',
        direction: 'outgoing',
      },
    ]);
    const to = await ok<THolderDetail>('operatrice', 'GET', `/api/community/holders/${network.id}`);
    expect(to.links).toEqual([
      {
        fromHolderId: school.id,
        toHolderId: network.id,
        otherName: school.name,
        kind: 'member_of',
        direction: 'incoming',
      },
    ]);

    const self = await call(WORKER, 'POST', `/api/community/holders/${school.id}/links`, {
      toHolderId: school.id,
      kind: 'partner_of',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('toHolderId');
    const unknown = await call(WORKER, 'POST', `/api/community/holders/${school.id}/links`, {
      toHolderId: randomUUID(),
      kind: 'partner_of',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('toHolderId');

    const url = `/api/community/holders/${school.id}/links/${network.id}/member_of`;
    expect((await call('operatrice', 'DELETE', url)).statusCode).toBe(403);
    expect((await call(WORKER, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(WORKER, 'DELETE', url)).statusCode).toBe(404);
    expect((await ok<THolderDetail>(WORKER, 'GET', `/api/community/holders/${network.id}`)).links).toEqual(
      [],
    );
  });
});
