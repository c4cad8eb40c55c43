import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { THolderDetail } from '../../src/contracts/community.js';
import { resourcesValue } from '../../src/server/modules/community/community-resources-value.js';
import { communityTestKit, dayAt, ROMANO, TREVIGLIO, WORKER } from './support.js';

const { t, call, ok, newEvent } = communityTestKit();

interface Need {
  id: string;
  holderId: string;
  topic: string;
  recordedOn: string;
  answer: string | null;
  answeredOn: string | null;
}
interface Resource {
  id: string;
  holderId: string | null;
  sourceName: string;
  valueCents: number;
  quantity: number;
  kind: string;
}
interface TimelineItem {
  id: string;
  kind: string;
  happenedOn: string;
  summary: string;
  eventId: string | null;
  resource: Resource | null;
}
interface Ledger {
  items: Resource[];
  totalValueCents: number;
  byKind: { kind: string; valueCents: number }[];
}

function newHolder(overrides: Record<string, unknown> = {}) {
  return ok<THolderDetail>(WORKER, 'POST', '/api/community/holders', {
    name: `Prova ${randomUUID().slice(0, 8)} Comunità senegalese`,
    kind: 'foreign_citizens_association',
    municipality: ROMANO,
    communities: ['SN'],
    ...overrides,
  });
}

const room = (holderId: string | null, overrides: Record<string, unknown> = {}) => ({
  holderId,
  kind: 'room',
  description: 'Sala riunioni per il laboratorio',
  quantity: 4,
  unit: 'hours',
  valueCents: 12_000,
  valuationRule: 'market_rent',
  offeredOn: '2026-03-10',
  ...overrides,
});

describe('information needs', () => {
  it('records what a community asked for and what was answered, not before it was asked', async () => {
    const holder = await newHolder();
    const need = await ok<Need>(WORKER, 'POST', `/api/community/holders/${holder.id}/needs`, {
      topic: 'documents',
      community: 'SN',
      source: 'survey',
      recordedOn: '2026-03-05',
      question: 'Tempi del rinnovo del permesso di soggiorno',
    });
    expect(need).toMatchObject({
      holderId: holder.id,
      holderName: holder.name,
      answer: null,
      answeredOn: null,
    });
    const older = await ok<Need>(WORKER, 'POST', `/api/community/holders/${holder.id}/needs`, {
      topic: 'health',
      source: 'meeting',
      recordedOn: '2026-01-20',
      question: 'Come scegliere il medico di base',
    });

    const early = await call(WORKER, 'POST', `/api/community/needs/${need.id}/answer`, {
      answer: 'Incontro con la Questura',
      answeredOn: '2026-03-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('answeredOn');
    const refused = await call('operatrice', 'POST', `/api/community/needs/${need.id}/answer`, {
      answer: 'x',
      answeredOn: '2026-03-20',
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (
        await call(WORKER, 'POST', `/api/community/needs/${randomUUID()}/answer`, {
          answer: 'x',
          answeredOn: '2026-03-20',
        })
      ).statusCode,
    ).toBe(404);
    const answered = await ok<Need>(WORKER, 'POST', `/api/community/needs/${need.id}/answer`, {
      answer: 'Incontro con la Questura e guida in quattro lingue',
      answeredOn: '2026-03-20',
    });
    expect(answered).toMatchObject({ answeredOn: '2026-03-20', answer: expect.stringContaining('Questura') });

    // Every directory reader reads them, newest first.
    const mine = await ok<{ items: Need[] }>(
      'operatrice',
      'GET',
      `/api/community/holders/${holder.id}/needs`,
    );
    expect(mine.items.map((n) => n.id)).toEqual([need.id, older.id]);
    const byFilter = async (query: string) =>
      (await ok<{ items: Need[] }>('operatrice', 'GET', `/api/community/needs?${query}`)).items
        .filter((n) => n.holderId === holder.id)
        .map((n) => n.id);
    expect(await byFilter('answered=true')).toEqual([need.id]);
    expect(await byFilter('answered=false')).toEqual([older.id]);
    expect(await byFilter('topic=health')).toEqual([older.id]);
    expect(await byFilter('community=SN')).toEqual([need.id]);
    expect((await call('ricercatrice', 'GET', '/api/community/needs')).statusCode).toBe(403);
  });
});

describe('engagement timeline and the resources ledger', () => {
  it('shows meetings, an event co-organised and a resource offered, newest first', async () => {
    const holder = await newHolder();
    const event = await newEvent({ coOrganiserIds: [holder.id] }, { sessions: 2, startDays: 10 });
    const meeting = await ok<TimelineItem>(
      WORKER,
      'POST',
      `/api/community/holders/${holder.id}/engagements`,
      {
        kind: 'meeting',
        happenedOn: '2026-02-01',
        summary: 'Primo incontro con il direttivo',
      },
    );
    expect(meeting).toMatchObject({ kind: 'meeting', happenedOn: '2026-02-01', resource: null });
    const offered = await ok<Resource>(WORKER, 'POST', '/api/community/resources', {
      ...room(holder.id),
      eventId: event.id,
    });
    expect(offered.sourceName).toBe(holder.name);

    const timeline = await ok<{ items: TimelineItem[] }>(
      WORKER,
      'GET',
      `/api/community/holders/${holder.id}/timeline`,
    );
    expect(timeline.items.map((i) => i.kind)).toEqual(['event_coorganised', 'resource_offered', 'meeting']);
    expect(timeline.items[0]).toMatchObject({ eventId: event.id, happenedOn: dayAt(10, 17).slice(0, 10) });
    expect(timeline.items[1]!.resource).toMatchObject({ id: offered.id, valueCents: 12_000, quantity: 4 });

    // A reader outside the engagement service sees that a resource was offered, not the ledger's line.
    const outside = await ok<{ items: TimelineItem[] }>(
      'operatrice',
      'GET',
      `/api/community/holders/${holder.id}/timeline`,
    );
    expect(outside.items.map((i) => i.kind)).toEqual(['event_coorganised', 'resource_offered', 'meeting']);
    expect(outside.items[1]!.resource).toBeNull();
    expect(
      (
        await call('operatrice', 'POST', `/api/community/holders/${holder.id}/engagements`, {
          kind: 'contact',
          happenedOn: '2026-02-01',
          summary: 'Telefonata',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('operatrice', 'GET', `/api/community/holders/${randomUUID()}/timeline`)).statusCode,
    ).toBe(404);
  });

  it('totals the ledger as the sum of its lines; only workers and coordinators read it', async () => {
    const holder = await newHolder({ municipality: TREVIGLIO });
    const lines = [
      room(holder.id),
      room(holder.id, {
        kind: 'volunteer_hours',
        description: 'Volontari all’accoglienza',
        quantity: 12.5,
        valueCents: 25_000,
        valuationRule: 'volunteer_hour_rate',
        offeredOn: '2026-03-12',
      }),
      room(holder.id, {
        kind: 'money',
        description: 'Contributo per la merenda',
        quantity: 150,
        unit: 'euro',
        valueCents: 15_000,
        valuationRule: 'cash',
        offeredOn: '2026-03-15',
      }),
    ];
    for (const line of lines) await ok(WORKER, 'POST', '/api/community/resources', line);

    const ledger = await ok<Ledger>(WORKER, 'GET', `/api/community/resources?holderId=${holder.id}`);
    expect(ledger.items).toHaveLength(3);
    expect(ledger.totalValueCents).toBe(52_000);
    expect(ledger.totalValueCents).toBe(ledger.items.reduce((sum, r) => sum + r.valueCents, 0));
    expect(ledger.byKind).toEqual([
      { kind: 'money', valueCents: 15_000 },
      { kind: 'room', valueCents: 12_000 },
      { kind: 'volunteer_hours', valueCents: 25_000 },
    ]);
    expect(ledger.items.map((r) => r.kind)).toEqual(['money', 'volunteer_hours', 'room']);
    const window = await ok<Ledger>(
      WORKER,
      'GET',
      `/api/community/resources?holderId=${holder.id}&from=2026-03-11&to=2026-03-14`,
    );
    expect(window.totalValueCents).toBe(25_000);

    // The function the dashboard and the impact module call agrees with the ledger.
    const value = await resourcesValue({ on: t.database.db, from: '2026-03-10', to: '2026-03-15' });
    expect(value.totalCents).toBeGreaterThanOrEqual(52_000);

    const coordinator = await ok<Ledger>(
      'coordinatrice',
      'GET',
      `/api/community/resources?holderId=${holder.id}`,
    );
    expect(coordinator.totalValueCents).toBe(52_000);
    const outside = await ok<Ledger>('operatrice', 'GET', `/api/community/resources?holderId=${holder.id}`);
    expect(outside).toEqual({ items: [], totalValueCents: 0, byKind: [] });
    expect((await call('operatrice', 'POST', '/api/community/resources', room(holder.id))).statusCode).toBe(
      403,
    );
  });

  it('names the source of a resource without a holder, and unknown references', async () => {
    const noName = await call(
      WORKER,
      'POST',
      '/api/community/resources',
      room(null, { sourceKind: 'other' }),
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].field).toBe('sourceName');
    const noHolder = await call(WORKER, 'POST', '/api/community/resources', room(null));
    expect(noHolder.statusCode).toBe(400);
    expect(noHolder.json().errors[0].field).toBe('holderId');
    const other = await ok<Resource>(
      WORKER,
      'POST',
      '/api/community/resources',
      room(null, { sourceKind: 'other', sourceName: 'Pro Loco' }),
    );
    expect(other).toMatchObject({ holderId: null, sourceName: 'Pro Loco' });
    const unknown = await call(
      WORKER,
      'POST',
      '/api/community/resources',
      room(randomUUID(), { eventId: randomUUID() }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['holderId', 'eventId']);
  });
});

interface CommunityMap {
  municipalities: {
    istatCode: string;
    name: string;
    district: string | null;
    lat: number | null;
    lon: number | null;
    holders: { id: string; kind: string }[];
    events: { id: string; startsAt: string }[];
  }[];
}

describe('the map', () => {
  it('shows the 35 comuni with their holders and their recent or coming events', async () => {
    const holder = await newHolder({ kind: 'sports_club', communities: ['AL'] });
    const gone = await newHolder({ kind: 'sports_club' });
    await ok(WORKER, 'PUT', `/api/community/holders/${gone.id}`, {
      name: gone.name,
      kind: 'sports_club',
      municipality: ROMANO,
      active: false,
    });
    await ok(WORKER, 'POST', `/api/community/holders/${holder.id}/needs`, {
      topic: 'work',
      source: 'contact',
      recordedOn: '2026-03-01',
      question: 'Corsi per il patentino del muletto',
    });
    const event = await newEvent({ kind: 'workshop', topics: ['work'] }, { sessions: 1, startDays: 3 });

    const map = await ok<CommunityMap>('operatrice', 'GET', '/api/community/map');
    expect(map.municipalities).toHaveLength(35);
    expect(map.municipalities.every((m) => m.district && m.lat !== null && m.lon !== null)).toBe(true);
    const romano = map.municipalities.find((m) => m.istatCode === ROMANO)!;
    expect(romano.holders.map((h) => h.id)).toContain(holder.id);
    expect(romano.holders.map((h) => h.id)).not.toContain(gone.id);
    const treviglio = map.municipalities.find((m) => m.istatCode === TREVIGLIO)!;
    expect(treviglio.events.find((e) => e.id === event.id)?.startsAt).toBe(event.sessions[0]!.startsAt);

    const filtered = await ok<CommunityMap>(
      'operatrice',
      'GET',
      '/api/community/map?kind=sports_club&community=AL&need=work',
    );
    expect(filtered.municipalities.find((m) => m.istatCode === ROMANO)!.holders.map((h) => h.id)).toContain(
      holder.id,
    );
    expect(filtered.municipalities.flatMap((m) => m.holders).every((h) => h.kind === 'sports_club')).toBe(
      true,
    );
    const otherNeed = await ok<CommunityMap>('operatrice', 'GET', '/api/community/map?need=housing');
    expect(otherNeed.municipalities.flatMap((m) => m.holders).map((h) => h.id)).not.toContain(holder.id);
    expect(otherNeed.municipalities.flatMap((m) => m.events).map((e) => e.id)).not.toContain(event.id);
    expect((await call('ricercatrice', 'GET', '/api/community/map')).statusCode).toBe(403);
  });
});
