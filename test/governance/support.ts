import { sql } from 'drizzle-orm';
import type { TCommitteeRole } from '../../src/contracts/governance-codes.js';
import { testAppKit } from '../harness/test-app.js';

/**
 * What every governance test file needs: the harness's kit (its own app on its own copy of the
 * seeded database, demo accounts signed in on first use) and builders that write a committee and
 * its meetings as the owner, so a test of minutes or actions does not depend on the committee
 * screens. `coordinatrice` (a coordinator) sets committees up; `raccolta.fondi` is the fundraiser.
 */
export const COORDINATOR = 'coordinatrice';
export const FUNDRAISER = 'raccolta.fondi';

export function governanceTestKit() {
  const kit = testAppKit();
  const { system, userId } = kit;

  /** A committee with members by username and role, and optionally external members. */
  async function makeCommittee({
    name = `Comitato ${Math.random().toString(36).slice(2, 8)}`,
    kind = 'working_group',
    quorum = 2,
    members,
    externals = [],
  }: {
    name?: string;
    kind?: 'steering' | 'follow_up' | 'working_group';
    quorum?: number;
    members: Record<string, TCommitteeRole>;
    externals?: { name: string; organisation: string; email: string }[];
  }) {
    const creator = await userId(COORDINATOR);
    const [committee] = await system<{ id: string }>(
      sql`insert into governance_committees (kind, name, quorum, created_by)
          values (${kind}, ${name}, ${quorum}, ${creator}) returning id`,
    );
    const memberIds: Record<string, string> = {};
    for (const [username, role] of Object.entries(members)) {
      const [m] = await system<{ id: string }>(
        sql`insert into governance_members (committee_id, user_id, role, since)
            values (${committee!.id}, ${await userId(username)}, ${role}, current_date - 30) returning id`,
      );
      memberIds[username] = m!.id;
    }
    for (const e of externals) {
      const [m] = await system<{ id: string }>(
        sql`insert into governance_members (committee_id, external_name, external_organisation, external_email, role, since)
            values (${committee!.id}, ${e.name}, ${e.organisation}, ${e.email}, 'member', current_date - 30) returning id`,
      );
      memberIds[e.name] = m!.id;
    }
    return { id: committee!.id, memberIds };
  }

  /** A meeting of a committee, `daysFromNow` days away (negative: held in the past). */
  async function makeMeeting(
    committeeId: string,
    daysFromNow: number,
    status = daysFromNow < 0 ? 'held' : 'planned',
  ) {
    const creator = await userId(COORDINATOR);
    const [meeting] = await system<{ id: string }>(
      sql`insert into governance_meetings (committee_id, starts_at, ends_at, place, status, created_by)
          values (${committeeId}, now() + make_interval(days => ${daysFromNow}),
                  now() + make_interval(days => ${daysFromNow}, hours => 2), 'Sala consiliare, Treviglio', ${status}, ${creator})
          returning id`,
    );
    return meeting!.id;
  }

  return { ...kit, makeCommittee, makeMeeting };
}
