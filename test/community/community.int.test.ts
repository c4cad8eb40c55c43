import { describe, expect, it } from 'vitest';
import { communityTestKit, WORKER } from './support.js';

const { call, ok, system, newEvent } = communityTestKit();

import { sql } from 'drizzle-orm';

describe('community events', () => {
  it('a community worker creates a lab of four sessions; registrations keep no identity when anonymous', async () => {
    const lab = await newEvent();
    expect(lab.sessions).toHaveLength(4);
    expect(lab.canManage).toBe(true);
    expect(lab.publicPath).toMatch(/^\/eventi\/[A-Za-z0-9_-]{12}$/);

    const ticket = await ok<{ placeId: string; status: string; ticketCode: string }>(
      WORKER,
      'POST',
      `/api/community/events/${lab.id}/registrations`,
      { anonymous: true, gender: 'female', ageBand: '30_44', citizenshipGroup: 'non_eu', language: 'ar' },
    );
    expect(ticket.status).toBe('confirmed');
    expect(ticket.ticketCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const [row] = await system<{ name_encrypted: string | null; ticket_hash: string }>(
      sql`select name_encrypted, ticket_hash from community_registrations where place_id = ${ticket.placeId}`,
    );
    expect(row!.name_encrypted).toBeNull();
    expect(row!.ticket_hash).not.toContain(ticket.ticketCode);
  });

  it('the same phone registers once; a malformed phone is named', async () => {
    const event = await newEvent({ kind: 'awareness_meeting' }, { sessions: 1 });
    const person = { name: 'Fatima Zahra', phone: '333 123 4567', language: 'ar' };
    await ok(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, person);
    const again = await call(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, {
      ...person,
      phone: '+39 333 1234567',
    });
    expect(again.statusCode).toBe(409);
    const bad = await call(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, {
      name: 'Altra persona',
      phone: '12',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('phone');
  });

  it('only the engagement service creates events or registers; others cannot see who registered', async () => {
    const refused = await call('operatrice', 'POST', '/api/community/events', {
      kind: 'workshop',
      title: 'Laboratorio',
      municipality: '016219',
      languages: ['it'],
      capacity: 10,
      sessions: [{ startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T12:00:00Z' }],
    });
    expect(refused.statusCode).toBe(403);
    const event = await newEvent();
    const other = await call('operatrice', 'POST', `/api/community/events/${event.id}/registrations`, {
      name: 'Qualcuno',
    });
    expect(other.statusCode).toBe(404);
    const seen = await ok<{ canManage: boolean }>('operatrice', 'GET', `/api/community/events/${event.id}`);
    expect(seen.canManage).toBe(false);
  });
});
