import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { italianDay, romeDay } from '../../platform/i18n/italian-dates.js';
import type { SubjectCopy } from '../../platform/retention/record-erasure.js';
import { countryName, languageName, SESSION_WORDS, word } from './cases.subject-words.js';

/**
 * What case management holds about one person, for the DPO's answer to an access request (GDPR
 * art. 15; issue 23, item 3). Read as the owner, in words; what the law lets the services withhold
 * is not copied but listed as withheld, for the DPO to review: other people's data (art. 15(4)),
 * notes and contacts whose disclosure could endanger someone, court matters still open.
 */
/** A day as the person lived it, in Rome (a date column is already a day). */
const day = (d: string | Date | null) =>
  typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? italianDay(d) : d ? romeDay(new Date(d)) : '—';

export async function findPerson({
  tx,
  householdCode,
  givenName,
  familyName,
  birthYear,
}: {
  tx: Tx;
  householdCode: string;
  givenName: string;
  familyName: string;
  birthYear?: number | null;
}) {
  // Two people of a household can share a name (a father and his son): the birth year tells them apart.
  const rows = await queryRows<{ household_id: string; person_id: string; name: string }>(
    tx,
    sql`select h.id as household_id, p.id as person_id, p.given_name || ' ' || p.family_name as name
          from households h join people p on p.household_id = h.id
         where h.code = ${householdCode.trim().toUpperCase()} and p.merged_into_id is null
           and lower(p.given_name) = lower(${givenName.trim()}) and lower(p.family_name) = lower(${familyName.trim()})
           and (${birthYear ?? null}::int is null
                or coalesce(p.birth_year, extract(year from p.birth_date)::int) = ${birthYear ?? null}::int)
         order by p.id limit 2`,
  );
  if (rows.length === 0) return null;
  if (rows.length > 1) return 'ambiguous' as const;
  return { householdId: rows[0]!.household_id, personId: rows[0]!.person_id, name: rows[0]!.name };
}

export async function subjectAccess({ tx, personId }: { tx: Tx; personId: string }): Promise<SubjectCopy> {
  const [p] = await queryRows<{
    household_id: string;
    code: string;
    given_name: string;
    family_name: string;
    birth_year: number | null;
    birth_date: string | null;
    gender: string;
    citizenship: string | null;
    languages: string[];
    identifier_type: string;
    identifier: string | null;
    has_contacts: boolean;
    others: number;
  }>(
    tx,
    sql`select p.household_id, h.code, p.given_name, p.family_name, p.birth_year, p.birth_date::text, p.gender, p.citizenship,
               p.languages, p.identifier_type, p.identifier,
               (p.contact_encrypted is not null or p.safe_contact_encrypted is not null) as has_contacts,
               (select count(*)::int from people o where o.household_id = p.household_id and o.id <> p.id) as others
          from people p join households h on h.id = p.household_id where p.id = ${personId}`,
  );
  if (!p) return { sections: [], withheld: [], records: [] };
  const consents = await queryRows<{
    id: string;
    purpose: string;
    given_on: string;
    expires_on: string | null;
    revoked_at: Date | null;
    service: string | null;
  }>(
    tx,
    sql`select c.id, c.purpose, c.given_on::text, c.expires_on::text, c.revoked_at, s.name as service
          from consents c left join services s on s.id = c.recipient_service_id where c.person_id = ${personId} order by c.given_on`,
  );
  const referrals = await queryRows<{
    id: string;
    sent_at: Date | null;
    status: string;
    from_service: string;
    to_service: string;
  }>(
    tx,
    sql`select r.id, r.sent_at, r.status, f.name as from_service, t.name as to_service
          from referral_people rp join referrals r on r.id = rp.referral_id
          join services f on f.id = r.from_service_id join services t on t.id = r.to_service_id
         where rp.person_id = ${personId} order by r.created_at`,
  );
  const cases = await queryRows<{
    id: string;
    code: string;
    status: string;
    opened_at: Date;
    closed_at: Date | null;
    service: string;
  }>(
    tx,
    sql`select c.id, c.code, c.status, c.opened_at, c.closed_at, s.name as service
          from cases c join services s on s.id = c.service_id
         where exists (select 1 from referral_people rp where rp.referral_id = c.referral_id and rp.person_id = ${personId})
         order by c.opened_at`,
  );
  const sessions = await queryRows<{
    id: string;
    starts_at: Date;
    status: keyof typeof SESSION_WORDS;
    notes: number;
  }>(
    tx,
    sql`select s.id, s.starts_at, s.status, (select count(*)::int from session_notes n where n.session_id = s.id) as notes
          from session_people sp join case_sessions s on s.id = sp.session_id where sp.person_id = ${personId} order by s.starts_at`,
  );
  const openCourt = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from court_orders o join cases c on c.id = o.case_id
         where exists (select 1 from referral_people rp where rp.referral_id = c.referral_id and rp.person_id = ${personId}) and (o.ends_on is null or o.ends_on >= current_date)`,
  );
  const notes = sessions.reduce((sum, s) => sum + s.notes, 0);
  const withheld: SubjectCopy['withheld'] = [];
  if (p.others > 0)
    withheld.push({
      what: `Dati di ${p.others} altri componenti del nucleo ${p.code}`,
      reason: 'third_party',
    });
  if (notes > 0)
    withheld.push({ what: `${notes} note di seduta scritte dagli operatori`, reason: 'endangers' });
  if (p.has_contacts)
    withheld.push({
      what: 'Recapiti e regole di contatto sicuro (consegnati di persona dal servizio)',
      reason: 'endangers',
    });
  if ((openCourt[0]?.n ?? 0) > 0)
    withheld.push({
      what: `${openCourt[0]!.n} provvedimenti dell’autorità giudiziaria in corso`,
      reason: 'court',
    });
  return {
    sections: [
      {
        title: 'Dati anagrafici',
        lines: [
          `Nome: ${p.given_name} ${p.family_name}`,
          `Nascita: ${p.birth_date ? day(p.birth_date) : (p.birth_year ?? '—')}`,
          `Genere: ${word('gender', p.gender)}`,
          `Cittadinanza: ${p.citizenship ? countryName(p.citizenship) : '—'}`,
          `Lingue: ${p.languages.map(languageName).join(', ') || '—'}`,
          `Documento: ${p.identifier_type === 'none' ? 'nessuno registrato' : `${word('identifierType', p.identifier_type)} ${p.identifier ?? ''}`}`,
          `Nucleo familiare: ${p.code}`,
        ],
      },
      {
        title: 'Consensi',
        lines: consents.map(
          (c) =>
            `Consenso per ${word('consentPurpose', c.purpose)} verso ${c.service ?? 'il servizio'}: dato il ${day(c.given_on)}${c.expires_on ? `, scade il ${day(c.expires_on)}` : ''}${c.revoked_at ? `, revocato il ${day(c.revoked_at)}` : ''}`,
        ),
      },
      {
        title: 'Invii tra servizi',
        lines: referrals.map(
          (r) =>
            `Da ${r.from_service} a ${r.to_service}: ${word('referralStatus', r.status)}${r.sent_at ? `, inviato il ${day(r.sent_at)}` : ''}`,
        ),
      },
      {
        title: 'Prese in carico che la riguardano',
        lines: cases.map(
          (c) =>
            `${c.code} presso ${c.service}: aperta il ${day(c.opened_at)}${c.closed_at ? `, chiusa il ${day(c.closed_at)}` : ''} (${word('caseStatus', c.status)})`,
        ),
      },
      {
        title: 'Sedute a cui ha partecipato',
        lines: sessions.map((s) => `${day(s.starts_at)}: ${SESSION_WORDS[s.status]}`),
      },
    ],
    withheld,
    records: [
      { type: 'person', id: personId },
      { type: 'household', id: p.household_id },
      ...consents.map((c) => ({ type: 'consent', id: c.id })),
      ...referrals.map((r) => ({ type: 'referral', id: r.id })),
      ...cases.map((c) => ({ type: 'case', id: c.id })),
      ...sessions.map((s) => ({ type: 'session', id: s.id })),
    ],
  };
}
