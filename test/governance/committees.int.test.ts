import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  TAttendance,
  TCommittee,
  TMeeting,
  TMember,
} from '../../src/contracts/governance-committees.js';
import { COORDINATOR, FUNDRAISER, governanceTestKit } from './support.js';

const { t, call, ok, fields, system, makeCommittee, makeMeeting } = governanceTestKit();

// Chair and secretary are not coordinators (a coordinator reads every committee): RLS alone decides.
const CHAIR = 'formatore';
const SECRETARY = 'animatrice.comunita';
const MEMBER = 'redazione';
const OUTSIDER = 'ricercatrice';

const nextWeek = (hours = 10) => {
  const d = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  d.setUTCHours(hours, 0, 0, 0);
  return d.toISOString();
};

async function committeeOfFour(quorum = 2) {
  return makeCommittee({
    quorum,
    members: { [CHAIR]: 'chair', [SECRETARY]: 'secretary', [MEMBER]: 'member' },
    externals: [
      { name: 'Prof.ssa Lucia Test', organisation: 'Università di prova', email: 'lucia@example.org' },
    ],
  });
}

describe('who reads a committee and its meetings', () => {
  it('a member reads the committee and its meetings; someone else gets 404, also for a meeting and its calendar', async () => {
    const committee = await committeeOfFour();
    const meetingId = await makeMeeting(committee.id, 5);
    const read = await ok<TCommittee>(MEMBER, 'GET', `/api/governance/committees/${committee.id}`);
    expect(read).toMatchObject({ myRole: 'member', canPlan: false, canManage: false, memberCount: 4 });
    const meetings = await ok<{ items: { id: string }[] }>(
      MEMBER,
      'GET',
      `/api/governance/committees/${committee.id}/meetings`,
    );
    expect(meetings.items.map((m) => m.id)).toEqual([meetingId]);
    const list = await ok<{ items: { id: string }[] }>(MEMBER, 'GET', '/api/governance/committees');
    expect(list.items.map((c) => c.id)).toContain(committee.id);

    const outsiderList = await ok<{ items: { id: string }[] }>(OUTSIDER, 'GET', '/api/governance/committees');
    expect(outsiderList.items.map((c) => c.id)).not.toContain(committee.id);
    for (const url of [
      `/api/governance/committees/${committee.id}`,
      `/api/governance/committees/${committee.id}/members`,
      `/api/governance/meetings/${meetingId}`,
      `/api/governance/meetings/${meetingId}/calendar.ics`,
    ])
      expect((await call(OUTSIDER, 'GET', url)).statusCode, url).toBe(404);
  });

  it('the meeting shows its committee, agenda with presenters and the caller’s role', async () => {
    const committee = await committeeOfFour();
    const meetingId = await makeMeeting(committee.id, 3);
    await ok(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/agenda`, {
      title: 'Stato di avanzamento WP2',
      presenterMemberId: committee.memberIds[CHAIR],
    });
    const meeting = await ok<TMeeting>(MEMBER, 'GET', `/api/governance/meetings/${meetingId}`);
    expect(meeting).toMatchObject({ myRole: 'member', canManage: false, status: 'planned' });
    expect(meeting.agenda).toMatchObject([{ position: 1, title: 'Stato di avanzamento WP2', files: [] }]);
    expect(meeting.agenda[0]!.presenterName).toBeTruthy();
    const asChair = await ok<TMeeting>(CHAIR, 'GET', `/api/governance/meetings/${meetingId}`);
    expect(asChair).toMatchObject({ myRole: 'chair', canManage: true });
    // A presenter must sit on the committee.
    const stranger = await call(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/agenda`, {
      title: 'Punto estraneo',
      presenterMemberId: (await makeCommittee({ members: { [OUTSIDER]: 'chair' } })).memberIds[OUTSIDER],
    });
    expect(stranger.statusCode).toBe(400);
    expect(fields(stranger)).toEqual(['presenterMemberId']);
  });
});

describe('who keeps the meetings', () => {
  it('only the chair or the secretary plans a meeting and records attendance; a member gets 403', async () => {
    const committee = await committeeOfFour();
    const body = { startsAt: nextWeek(9), endsAt: nextWeek(11), place: 'Sala consiliare' };
    const url = `/api/governance/committees/${committee.id}/meetings`;
    expect((await call(MEMBER, 'POST', url, body)).statusCode).toBe(403);
    expect((await call(OUTSIDER, 'POST', url, body)).statusCode).toBe(404);
    const created = await ok<{ id: string; status: string }>(CHAIR, 'POST', url, body);
    expect(created.status).toBe('planned');
    const noPlace = await call(SECRETARY, 'POST', url, { startsAt: nextWeek(9), endsAt: nextWeek(11) });
    expect(fields(noPlace)).toEqual(['place']);
    const backwards = await call(SECRETARY, 'POST', url, { ...body, startsAt: nextWeek(12) });
    expect(fields(backwards)).toEqual(['endsAt']);

    const attendance = {
      entries: [{ memberId: committee.memberIds[MEMBER]!, state: 'present' }],
    };
    const sheet = `/api/governance/meetings/${created.id}/attendance`;
    expect((await call(MEMBER, 'PUT', sheet, attendance)).statusCode).toBe(403);
    expect((await call(SECRETARY, 'PUT', sheet, attendance)).statusCode).toBe(200);
    expect((await call(MEMBER, 'POST', `/api/governance/meetings/${created.id}/cancel`)).statusCode).toBe(
      403,
    );
    const cancelled = await ok<{ status: string }>(
      CHAIR,
      'POST',
      `/api/governance/meetings/${created.id}/cancel`,
    );
    expect(cancelled.status).toBe('cancelled');
  });

  it('tells whether the quorum is reached, and refuses someone who is not a member', async () => {
    const committee = await committeeOfFour(3);
    const meetingId = await makeMeeting(committee.id, -2);
    const sheet = `/api/governance/meetings/${meetingId}/attendance`;
    const ids = committee.memberIds;
    const short = await ok<TAttendance>(SECRETARY, 'PUT', sheet, {
      entries: [
        { memberId: ids[CHAIR], state: 'present' },
        { memberId: ids[SECRETARY], state: 'present' },
        { memberId: ids[MEMBER], state: 'excused' },
        { memberId: ids['Prof.ssa Lucia Test'], state: 'absent' },
      ],
    });
    expect(short).toMatchObject({ presentCount: 2, quorum: 3, quorumReached: false });
    const reached = await ok<TAttendance>(CHAIR, 'PUT', sheet, {
      entries: [{ memberId: ids['Prof.ssa Lucia Test'], state: 'present' }],
    });
    expect(reached).toMatchObject({ presentCount: 3, quorumReached: true });
    expect(reached.entries).toHaveLength(4);
    const other = await makeCommittee({ members: { [OUTSIDER]: 'chair' } });
    const stranger = await call(CHAIR, 'PUT', sheet, {
      entries: [{ memberId: other.memberIds[OUTSIDER], state: 'present' }],
    });
    expect(fields(stranger)).toEqual(['entries.0.memberId']);
  });
});

describe('who sets committees up', () => {
  it('a coordinator creates a committee and its members; a fundraiser or a practitioner cannot', async () => {
    const input = { kind: 'working_group', name: 'Gruppo di lavoro prova', description: null, quorum: 2 };
    expect((await call(FUNDRAISER, 'POST', '/api/governance/committees', input)).statusCode).toBe(403);
    expect((await call('operatrice', 'POST', '/api/governance/committees', input)).statusCode).toBe(403);
    const committee = await ok<TCommittee>(COORDINATOR, 'POST', '/api/governance/committees', input);
    expect(committee).toMatchObject({ name: 'Gruppo di lavoro prova', canManage: true, myRole: null });

    const members = `/api/governance/committees/${committee.id}/members`;
    const chair = await ok<TMember>(COORDINATOR, 'POST', members, {
      userId: await t.userId(CHAIR),
      role: 'chair',
    });
    expect(chair).toMatchObject({ hasAccount: true, role: 'chair', current: true });
    const external = {
      externalName: 'Dott. Paolo Esterno',
      externalOrganisation: 'Fondazione Prova',
      role: 'member',
    };
    expect((await call(FUNDRAISER, 'POST', members, external)).statusCode).toBe(403);
    expect((await call('operatrice', 'POST', members, external)).statusCode).toBe(403);
    const added = await ok<TMember>(COORDINATOR, 'POST', members, external);
    expect(added).toMatchObject({
      hasAccount: false,
      name: 'Dott. Paolo Esterno',
      organisation: 'Fondazione Prova',
    });

    const twice = await call(COORDINATOR, 'POST', members, { userId: await t.userId(CHAIR), role: 'member' });
    expect(fields(twice)).toEqual(['userId']);
    const ended = await ok<TMember>(COORDINATOR, 'POST', `${members}/${added.id}/end`, {
      until: '2020-01-01',
    }).catch((e: Error) => e);
    expect(ended).toBeInstanceOf(Error);
    const today = new Date().toISOString().slice(0, 10);
    const gone = await ok<TMember>(COORDINATOR, 'POST', `${members}/${added.id}/end`, { until: today });
    expect(gone.until).toBe(today);
    const [row] = await system<{ n: number }>(
      sql`select count(*)::int as n from governance_members where committee_id = ${committee.id}`,
    );
    expect(row!.n).toBe(2);
  });

  it('an external member needs a name; a chair or secretary without an account is refused on the role', async () => {
    const committee = await committeeOfFour();
    const members = `/api/governance/committees/${committee.id}/members`;
    const nameless = await call(COORDINATOR, 'POST', members, {
      externalOrganisation: 'Ente',
      role: 'member',
    });
    expect(nameless.statusCode).toBe(400);
    expect(fields(nameless)).toEqual(['externalName']);
    const chair = await call(COORDINATOR, 'POST', members, {
      externalName: 'Dott.ssa Senza Account',
      role: 'chair',
    });
    expect(chair.statusCode).toBe(400);
    expect(fields(chair)).toEqual(['role']);
    const [row] = await system<{ n: number }>(
      sql`select count(*)::int as n from governance_members where committee_id = ${committee.id}`,
    );
    expect(row!.n).toBe(4);
  });

  it('the members list is audited with its count, and shows addresses only to coordinators and officers', async () => {
    const committee = await committeeOfFour();
    const asMember = await ok<{ items: TMember[] }>(
      MEMBER,
      'GET',
      `/api/governance/committees/${committee.id}/members`,
    );
    expect(asMember.items).toHaveLength(4);
    expect(asMember.items.every((m) => m.email === null)).toBe(true);
    const asChair = await ok<{ items: TMember[] }>(
      CHAIR,
      'GET',
      `/api/governance/committees/${committee.id}/members`,
    );
    expect(asChair.items.find((m) => !m.hasAccount)?.email).toBe('lucia@example.org');
    const events = await system<{ actor_username: string; count: string }>(
      sql`select actor_username, details->>'count' as count from audit_events
           where action = 'governance.members_listed' and record_id = ${committee.id} order by id`,
    );
    expect(events).toEqual([
      { actor_username: MEMBER, count: '4' },
      { actor_username: CHAIR, count: '4' },
    ]);
  });
});

describe('invitations', () => {
  it('queues one mail per member with an address, with an ICS request whose UID stays the same', async () => {
    const committee = await makeCommittee({
      members: { [CHAIR]: 'chair', [SECRETARY]: 'secretary', [MEMBER]: 'member' },
      externals: [
        { name: 'Prof.ssa Con Indirizzo', organisation: 'Università', email: 'invito@example.org' },
        { name: 'Dott. Senza Indirizzo', organisation: 'Fondazione', email: '' },
      ],
    });
    await system(sql`update governance_members set external_email = null where external_email = ''`);
    const meetingId = await makeMeeting(committee.id, 10);
    expect((await call(MEMBER, 'POST', `/api/governance/meetings/${meetingId}/invitations`)).statusCode).toBe(
      403,
    );
    const sent = await ok<{ sent: number; withoutAddress: number }>(
      SECRETARY,
      'POST',
      `/api/governance/meetings/${meetingId}/invitations`,
    );
    expect(sent).toEqual({ sent: 4, withoutAddress: 1 });
    await t.runJobs();
    const ofMeeting = () => t.mails.filter((m) => m.calendar?.includes(`UID:${meetingId}@trama.governance`));
    const first = ofMeeting();
    expect(first).toHaveLength(4);
    expect(first.map((m) => m.to)).toContain('invito@example.org');
    for (const mail of first) {
      expect(mail.calendar).toContain('METHOD:REQUEST');
      expect(mail.calendar).toContain('Sala consiliare');
    }
    const [event] = await system<{ count: string }>(
      sql`select details->>'count' as count from audit_events
           where action = 'governance.invitations_sent' and record_id = ${meetingId}`,
    );
    expect(event!.count).toBe('4');

    // Sending again without a change mails nobody twice; after a change, everybody again, same UID.
    await ok(SECRETARY, 'POST', `/api/governance/meetings/${meetingId}/invitations`);
    await t.runJobs();
    expect(ofMeeting()).toHaveLength(4);
    const meeting = await ok<TMeeting>(CHAIR, 'GET', `/api/governance/meetings/${meetingId}`);
    await ok(CHAIR, 'PUT', `/api/governance/meetings/${meetingId}`, {
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: 'Sala giunta, Caravaggio',
      link: null,
      status: 'planned',
    });
    await ok(CHAIR, 'POST', `/api/governance/meetings/${meetingId}/invitations`);
    await t.runJobs();
    const all = ofMeeting();
    expect(all).toHaveLength(8);
    expect(all.slice(4).every((m) => m.calendar!.includes('Sala giunta'))).toBe(true);

    const ics = await call(MEMBER, 'GET', `/api/governance/meetings/${meetingId}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain(`UID:${meetingId}@trama.governance`);
  });

  it('a cancelled meeting sends no invitations', async () => {
    const committee = await committeeOfFour();
    const meetingId = await makeMeeting(committee.id, 4, 'cancelled');
    const res = await call(CHAIR, 'POST', `/api/governance/meetings/${meetingId}/invitations`);
    expect(res.statusCode).toBe(409);
  });
});

describe('the demo', () => {
  it('has the steering committee meeting monthly for a year, chaired by the coordinator, with its secretary', async () => {
    const mine = await ok<{ items: TCommittee[] }>(SECRETARY, 'GET', '/api/governance/committees');
    const steering = mine.items.find((c) => c.name === 'Cabina di regia');
    expect(steering).toMatchObject({ kind: 'steering', quorum: 5, myRole: 'secretary', memberCount: 9 });
    const asChair = await ok<TCommittee>(COORDINATOR, 'GET', `/api/governance/committees/${steering!.id}`);
    expect(asChair.myRole).toBe('chair');
    const meetings = await ok<{ items: { id: string; status: string }[] }>(
      SECRETARY,
      'GET',
      `/api/governance/committees/${steering!.id}/meetings`,
    );
    expect(meetings.items).toHaveLength(14);
    expect(meetings.items[0]!.status).toBe('planned');
    const held = meetings.items.find((m) => m.status === 'held')!;
    const meeting = await ok<TMeeting>(SECRETARY, 'GET', `/api/governance/meetings/${held.id}`);
    expect(meeting.agenda.length).toBeGreaterThanOrEqual(3);
    expect(meeting.attendance.entries.every((e) => e.state !== null)).toBe(true);
  });
});

/** A browser form with one file in the field `file`. */
function multipart(name: string, text: string) {
  const boundary = '----tramaAgenda';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('agenda documents', () => {
  it('the secretary attaches a document a member downloads; a member cannot attach, someone else cannot read', async () => {
    const committee = await committeeOfFour();
    const meetingId = await makeMeeting(committee.id, 6);
    const [item] = await ok<{ id: string }[]>(
      SECRETARY,
      'POST',
      `/api/governance/meetings/${meetingId}/agenda`,
      {
        title: 'Bilancio preventivo',
      },
    );
    const url = `/api/governance/meetings/${meetingId}/agenda/${item!.id}/files`;
    const doc = multipart('bilancio-2027.txt', 'Bilancio preventivo 2027: voci e importi.');
    const member = await t.signIn(MEMBER);
    expect((await member.request({ method: 'POST', url, ...doc })).statusCode).toBe(403);
    const outsider = await t.signIn(OUTSIDER);
    expect((await outsider.request({ method: 'POST', url, ...doc })).statusCode).toBe(404);
    const secretary = await t.signIn(SECRETARY);
    expect((await secretary.request({ method: 'POST', url, ...doc })).statusCode).toBe(201);

    const meeting = await ok<TMeeting>(MEMBER, 'GET', `/api/governance/meetings/${meetingId}`);
    const [file] = meeting.agenda[0]!.files;
    expect(file).toMatchObject({ name: 'bilancio-2027.txt', contentType: 'text/plain' });
    const link = await ok<{ url: string }>(MEMBER, 'POST', `/api/files/${file!.id}/link`, {});
    expect((await call(MEMBER, 'GET', link.url)).body).toBe('Bilancio preventivo 2027: voci e importi.');
    expect((await call(OUTSIDER, 'POST', `/api/files/${file!.id}/link`, {})).statusCode).toBe(404);
  });
});
