import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import { casesTestKit } from './support.js';

// A reminder is planned under the person's safe-contact rules and sent only when their allowed
// hours open, by a job that judges again at that moment: rules and consent may have changed.
const { t, ids, ok, system, registerFamily, openCaseFor } = casesTestKit();

const ROME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const romeClock = (at: Date) => ROME.format(at);
const ADDRESS = 'fatima.sicura@example.org';

async function setRules(safeContact: object) {
  await ok('operatrice', 'PUT', `/api/people/${ids.mother}/safety`, { safeContact });
}

async function sessionWithReminder() {
  const s = await ok<{ id: string }>('responsabile', 'POST', `/api/cases/${ids.case}/sessions`, {
    kind: 'consultation',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    durationMinutes: 60,
    place: 'service',
    personIds: [ids.mother],
    remindPerson: true,
  });
  const [message] = await system(
    sql`select id, status, channel, not_before from person_messages where session_id = ${s.id}`,
  );
  return message as { id: string; status: string; channel: string; not_before: Date };
}

const reminderJobs = (messageId: string) =>
  t.database.query<{ state: string; start_after: Date }>(
    `select state::text, start_after from pgboss.job where name = 'cases.reminder' and data->>'messageId' = $1 order by created_on`,
    [messageId],
  );
const makeDue = (messageId: string) => t.makeJobsDue('cases.reminder', 'messageId', messageId);
const status = async (messageId: string) =>
  ((await system(sql`select status from person_messages where id = ${messageId}`))[0] as { status: string })
    .status;
const mailsTo = () => t.mails.filter((m) => m.to === ADDRESS);

describe('reminders to a person', () => {
  it('wait for the allowed hours, are judged again when due, and are sent once inside them', async () => {
    await registerFamily();
    ({ caseId: ids.case } = await openCaseFor([ids.mother!]));
    const now = new Date();
    const opens = new Date(now.getTime() + 2 * 3_600_000);
    await setRules({
      channels: ['email'],
      email: ADDRESS,
      fromTime: romeClock(opens),
      toTime: romeClock(new Date(opens.getTime() + 3_600_000)),
    });
    const message = await sessionWithReminder();
    expect(message.status).toBe('planned');
    const [job] = await reminderJobs(message.id);
    // Planned for the minute the hours open.
    expect(Math.abs(new Date(job!.start_after).getTime() - opens.getTime())).toBeLessThan(61_000);
    await t.runJobs();
    expect(mailsTo()).toEqual([]);

    // Run early (made due by hand): it is still outside the hours, so it waits again, unsent.
    await makeDue(message.id);
    await t.runJobs();
    expect(mailsTo()).toEqual([]);
    expect(await status(message.id)).toBe('planned');
    const again = await reminderJobs(message.id);
    expect(again.map((j) => j.state)).toEqual(['completed', 'created']);

    // Inside the allowed hours it is sent, once, naming no case. (The clock is not moved: PGlite
    // reads the same JavaScript clock for its now(), so the window is moved to include now instead.)
    await setRules({
      channels: ['email'],
      email: ADDRESS,
      fromTime: romeClock(new Date(now.getTime() - 3_600_000)),
      toTime: romeClock(new Date(now.getTime() + 3_600_000)),
    });
    await makeDue(message.id);
    await t.runJobs();
    await t.runJobs();
    expect(mailsTo()).toHaveLength(1);
    expect(mailsTo()[0]!.text).not.toMatch(/etnoclinic|caso|case /i);
    expect(await status(message.id)).toBe('sent');
    const [audit] = await system(
      sql`select actor_username, details from audit_events where action = 'person.message_sent' and record_id = ${ids.mother}`,
    );
    expect(audit).toEqual({ actor_username: 'trama', details: { channel: 'email' } });
  });

  it('are withheld when the address became one never to write to before they were due', async () => {
    await setRules({ channels: ['email'], email: ADDRESS });
    const message = await sessionWithReminder();
    expect(message.status).toBe('planned');
    await setRules({ channels: ['email'], email: ADDRESS, neverWriteTo: [ADDRESS] });
    const before = mailsTo().length;
    await t.runJobs();
    expect(mailsTo()).toHaveLength(before);
    expect(await status(message.id)).toBe('not_sent:address_forbidden');
  });

  it('are withheld when the person withdrew consent before they were due', async () => {
    await setRules({ channels: ['email'], email: ADDRESS });
    const message = await sessionWithReminder();
    expect(message.status).toBe('planned');
    const household = await ok<THousehold>('operatrice', 'GET', `/api/households/${ids.household}`);
    const consent = household.consents.find((c) => c.personId === ids.mother)!;
    await ok('operatrice', 'POST', `/api/consents/${consent.id}/revoke`, {
      reason: 'La persona ritira il consenso',
    });
    const before = mailsTo().length;
    await t.runJobs();
    expect(mailsTo()).toHaveLength(before);
    expect(await status(message.id)).toBe('not_sent:consent_withdrawn');
  });
});
