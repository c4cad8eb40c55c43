import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import { casesTestKit, child, father, mother } from './support.js';

/** Households and people: registration, identifiers, safety details behind step-up. */
const { ids, call, ok, fields, system, registerFamily } = casesTestKit();

describe('households', () => {
  it('refuse an invalid codice fiscale and a future birth date, writing nothing', async () => {
    const before = await system(sql`select count(*)::int as n from households`);
    const res = await call('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [
        mother,
        { ...father, identifier: 'RSSMRA85T10A562X' },
        { ...child, birthDate: '2999-01-01', birthYear: 2999 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['members.2.birthDate']));
    const res2 = await call('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [mother, { ...father, identifier: 'RSSMRA85T10A562X' }],
    });
    expect(res2.statusCode).toBe(400);
    expect(fields(res2)).toEqual(['members.1.identifier']);
    expect(await system(sql`select count(*)::int as n from households`)).toEqual(before);
  });

  it('register a household; lists show codes, the household shows no safety field', async () => {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [mother, child, father],
    });
    expect(h.code).toMatch(/^N-/);
    // The page offers corrections to the owning service only: it compares this with the acting one.
    expect(h.ownerServiceId).toBe(ids.tmTreviglio);
    expect(h.members.map((m) => [m.givenName, m.minor, m.thirdCountryNational])).toEqual([
      ['Fatima', false, true],
      ['Omar', true, true],
      ['Mario', false, true],
    ]);
    ids.household = h.id;
    [ids.mother, ids.child, ids.father] = h.members.map((m) => m.id) as [string, string, string];
    const list = await ok<{ items: { code: string }[] }>('operatrice', 'GET', `/api/households?q=${h.code}`);
    expect(JSON.stringify(list)).not.toContain('Fatima');
    expect(list.items.map((i) => i.code)).toEqual([h.code]);
    // Another Ambito's practitioner: not found, and the refusal is audited.
    expect((await call('operatore.romano', 'GET', `/api/households/${h.id}`)).statusCode).toBe(404);
  });

  it('keep safety details encrypted, revealed only after step-up with a reason, and audited', async () => {
    await registerFamily();
    const safety = {
      address: 'Via Sicura 1, Treviglio',
      phone: '+39 333 1234567',
      shelter: 'Casa rifugio',
      safeContact: { channels: ['email'], email: 'casa@example.org', neverWriteTo: ['casa@example.org'] },
    };
    expect((await call('operatrice', 'PUT', `/api/people/${ids.mother}/safety`, safety)).statusCode).toBe(
      204,
    );
    const [raw] = await system(sql`select contact_encrypted from people where id = ${ids.mother}`);
    expect(JSON.stringify(raw)).not.toContain('Sicura');
    const reveal = () =>
      call('operatrice', 'POST', `/api/people/${ids.mother}/safety/reveal`, {
        reason: 'Visita domiciliare programmata',
      });
    const refused = await reveal();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toContain('step-up-required');
    await system(
      sql`update sessions set step_up_at = now() where user_id = (select id from users where username = 'operatrice')`,
    );
    const shown = await reveal();
    expect(shown.statusCode).toBe(200);
    expect(shown.json().address).toBe('Via Sicura 1, Treviglio');
    const [audit] = await system(
      sql`select purpose from audit_events where action = 'person.safety_read' and record_id = ${ids.mother}`,
    );
    expect(audit).toEqual({ purpose: 'Visita domiciliare programmata' });
  });
});
