import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { TAddressForm } from '../../contracts/auth.js';
import type { TRole } from '../../contracts/roles.js';
import { MODULES } from '../app.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { newTotpSecret } from '../platform/auth/totp.js';
import { mfaSecretContext } from '../platform/crypto/encrypted-columns.js';
import { encryptField, type Keyring } from '../platform/crypto/field-crypto.js';
import { type Database, type Queryable, queryRows, type Tx } from '../platform/db/client.js';
import type { TramaModule } from '../platform/module.js';
import { districts, memberships, organisations, services, users } from '../platform/tenancy/tenancy.sql.js';
import { holdSeedLock } from './seed-lock.js';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: TRole;
  scope: string;
  password: string;
  totpSecret: string;
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

/** The partner organisations of the two Ambiti and their services (MISSION.md), by district code. */
const ORGANISATIONS = [
  {
    key: 'risorsa',
    name: "Risorsa Sociale Gera d'Adda",
    kind: 'district_office',
    district: 'TREVIGLIO',
    services: [
      { key: 'tm-treviglio', name: 'Tutela Minori — Ambito di Treviglio', kind: 'child_protection' },
      {
        key: 'inclusione-treviglio',
        name: 'Servizio inclusione sociale — Treviglio',
        kind: 'social_inclusion',
      },
      { key: 'mediazione', name: 'Servizio di mediazione linguistico-culturale', kind: 'mediation_service' },
      { key: 'cabina', name: 'Cabina di regia del progetto', kind: 'coordination' },
      { key: 'formazione', name: 'Formazione degli operatori', kind: 'training' },
      { key: 'comunita', name: 'Partecipazione e comunità', kind: 'community_engagement' },
    ],
  },
  {
    key: 'solidalia',
    name: 'Solidalia',
    kind: 'district_office',
    district: 'ROMANO',
    services: [
      { key: 'tm-romano', name: 'Tutela Minori — Ambito di Romano di Lombardia', kind: 'child_protection' },
      { key: 'inclusione-romano', name: 'Servizio inclusione sociale — Romano', kind: 'social_inclusion' },
    ],
  },
  {
    key: 'coop',
    name: 'Cooperativa sociale Il Cerchio',
    kind: 'cooperative',
    district: 'TREVIGLIO',
    services: [
      { key: 'etnoclinica', name: 'Équipe etnoclinica', kind: 'ethnoclinical_team' },
      { key: 'accoglienza', name: 'Servizio accoglienza', kind: 'reception' },
      { key: 'lavoro', name: 'Servizi al lavoro', kind: 'job_services' },
      { key: 'autonomia', name: 'Autonomia e abitare', kind: 'autonomy_housing' },
    ],
  },
  {
    key: 'cav',
    name: 'Centro antiviolenza Sirio',
    kind: 'anti_violence_centre',
    district: 'TREVIGLIO',
    services: [{ key: 'rete-av', name: 'Rete antiviolenza «Non sei sola»', kind: 'anti_violence_network' }],
  },
  {
    key: 'asst',
    name: 'ASST Bergamo Ovest',
    kind: 'asst_consultorio',
    district: null,
    services: [
      { key: 'consultorio', name: 'Consultorio familiare di Treviglio', kind: 'consultorio' },
      {
        key: 'npi',
        name: "Neuropsichiatria dell'infanzia e dell'adolescenza",
        kind: 'child_neuropsychiatry',
      },
    ],
  },
  {
    key: 'unimib',
    name: 'Università degli Studi di Milano-Bicocca',
    kind: 'university',
    district: null,
    services: [{ key: 'ricerca', name: 'Ricerca antropologica', kind: 'research' }],
  },
  {
    key: 'tribunale',
    name: 'Tribunale per i Minorenni di Brescia',
    kind: 'court',
    district: null,
    services: [],
  },
  {
    key: 'carabinieri',
    name: 'Compagnia Carabinieri di Treviglio',
    kind: 'police',
    district: 'TREVIGLIO',
    services: [],
  },
  {
    key: 'ust',
    name: 'Ufficio scolastico territoriale di Bergamo',
    kind: 'school_office',
    district: null,
    services: [],
  },
] as const;

/** One account per role; a second practitioner in the other Ambito makes cross-district refusals visible. */
const ACCOUNTS: {
  username: string;
  displayName: string;
  /** How each is addressed in Italian, chosen to agree with the demo names. */
  addressForm: TAddressForm;
  role: TRole;
  service?: string;
  organisation?: string;
}[] = [
  { username: 'admin', displayName: 'Anna Amministratrice', addressForm: 'feminine', role: 'admin' },
  { username: 'dpo', displayName: 'Davide Protezione Dati', addressForm: 'masculine', role: 'dpo' },
  {
    username: 'coordinatrice',
    displayName: 'Carla Coordinatrice',
    addressForm: 'feminine',
    role: 'coordinator',
    organisation: 'risorsa',
  },
  {
    username: 'operatrice',
    displayName: 'Paola Operatrice',
    addressForm: 'feminine',
    role: 'practitioner',
    service: 'tm-treviglio',
  },
  {
    username: 'operatore.romano',
    displayName: 'Marco Operatore',
    addressForm: 'masculine',
    role: 'practitioner',
    service: 'tm-romano',
  },
  {
    username: 'operatrice.cav',
    displayName: 'Giulia Operatrice Antiviolenza',
    addressForm: 'feminine',
    role: 'practitioner',
    service: 'rete-av',
  },
  {
    username: 'clinica',
    displayName: 'Elena Clinica',
    addressForm: 'feminine',
    role: 'clinician',
    service: 'etnoclinica',
  },
  {
    username: 'responsabile',
    displayName: 'Luca Responsabile Etnoclinica',
    addressForm: 'masculine',
    role: 'clinician',
    service: 'etnoclinica',
  },
  {
    username: 'supervisora',
    displayName: 'Marta Supervisora',
    addressForm: 'feminine',
    role: 'coordinator',
    service: 'etnoclinica',
  },
  {
    username: 'mediatrice',
    displayName: 'Amina Mediatrice',
    addressForm: 'feminine',
    role: 'mediator',
    service: 'mediazione',
  },
  {
    username: 'referente.mediazione',
    displayName: 'Giulia Referente',
    addressForm: 'feminine',
    role: 'coordinator',
    service: 'mediazione',
  },
  {
    username: 'animatrice.comunita',
    displayName: 'Chiara Animatrice',
    addressForm: 'feminine',
    role: 'practitioner',
    service: 'comunita',
  },
  {
    username: 'tutor.autonomia',
    displayName: 'Paolo Tutor',
    addressForm: 'masculine',
    role: 'practitioner',
    service: 'autonomia',
  },
  {
    username: 'coordinatrice.abitare',
    displayName: 'Elena Abitare',
    addressForm: 'feminine',
    role: 'coordinator',
    service: 'autonomia',
  },
  {
    username: 'ragioneria',
    displayName: 'Marta Ragioniera',
    addressForm: 'feminine',
    role: 'finance',
    service: 'autonomia',
  },
  {
    username: 'formatore',
    displayName: 'Franco Formatore',
    addressForm: 'masculine',
    role: 'trainer',
    service: 'formazione',
  },
  {
    username: 'redazione',
    displayName: 'Rita Redazione',
    addressForm: 'feminine',
    role: 'editor',
    organisation: 'risorsa',
  },
  {
    // The second editor: a sensitive page of the site is approved by someone who did not write it.
    username: 'redazione2',
    displayName: 'Tommaso Redattore',
    addressForm: 'masculine',
    role: 'editor',
    organisation: 'risorsa',
  },
  {
    username: 'ricercatrice',
    displayName: 'Sara Ricercatrice',
    addressForm: 'feminine',
    role: 'researcher',
    service: 'ricerca',
  },
  {
    username: 'raccolta.fondi',
    displayName: 'Giulia Raccolta',
    addressForm: 'feminine',
    role: 'fundraiser',
    organisation: 'risorsa',
  },
];

function demoPassword() {
  return `Trama-${randomBytes(9).toString('base64url')}`;
}

/**
 * Creates the demo organisations and one account per role, two-factor already enrolled, on the
 * first start in demo mode. Credentials are kept in the data directory (demo only) so every start
 * can print them and `npm run demo:code` can show a current code.
 */
export async function seedDemo({
  database,
  keyring,
  dataDir,
  modules = MODULES,
}: {
  database: Database;
  keyring: Keyring;
  dataDir: string;
  modules?: readonly TramaModule[];
}): Promise<DemoAccount[]> {
  const file = join(dataDir, DEMO_ACCOUNTS_FILE);
  const { db } = database;
  const seeded = () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : []);
  const usersCount = async (on: Queryable) =>
    (await queryRows<{ n: number }>(on, sql`select count(*)::int as n from users`))[0]?.n ?? 0;
  if ((await usersCount(db)) > 0) return seeded();

  const accounts: DemoAccount[] = [];
  const userIds = new Map<string, string>();
  let seededHere = false;
  await db.transaction(async (tx) => {
    await holdSeedLock(tx);
    if ((await usersCount(tx)) > 0) return; // another instance seeded while this one waited
    seededHere = true;
    const districtIds = new Map(
      (await tx.select({ id: districts.id, code: districts.code }).from(districts)).map((d) => [
        d.code,
        d.id,
      ]),
    );
    const orgIds = new Map<string, string>();
    const serviceIds = new Map<string, string>();
    const serviceNames = new Map<string, string>();
    for (const org of ORGANISATIONS) {
      const districtId = org.district ? (districtIds.get(org.district) ?? null) : null;
      const [o] = await tx
        .insert(organisations)
        .values({ name: org.name, kind: org.kind, districtId })
        .returning({ id: organisations.id });
      orgIds.set(org.key, o!.id);
      for (const s of org.services) {
        const [row] = await tx
          .insert(services)
          .values({ organisationId: o!.id, name: s.name, kind: s.kind, districtId })
          .returning({ id: services.id });
        serviceIds.set(s.key, row!.id);
        serviceNames.set(s.key, s.name);
      }
    }
    for (const a of ACCOUNTS) {
      const password = demoPassword();
      const totpSecret = newTotpSecret();
      const [u] = await tx
        .insert(users)
        .values({
          username: a.username,
          displayName: a.displayName,
          addressForm: a.addressForm,
          email: `${a.username}@demo.trama.localhost`,
          passwordHash: await hashPassword(password),
          passwordChangedAt: new Date(),
          demo: true,
        })
        .returning({ id: users.id });
      userIds.set(a.username, u!.id);
      await tx
        .update(users)
        .set({
          mfaSecret: encryptField({ keyring, plaintext: totpSecret, context: mfaSecretContext(u!.id) }),
          mfaEnrolledAt: new Date(),
        })
        .where(eq(users.id, u!.id));
      await tx.insert(memberships).values({
        userId: u!.id,
        role: a.role,
        serviceId: a.service ? serviceIds.get(a.service)! : null,
        organisationId: a.organisation ? orgIds.get(a.organisation)! : null,
      });
      const scope = a.service
        ? serviceNames.get(a.service)!
        : a.organisation
          ? ORGANISATIONS.find((o) => o.key === a.organisation)!.name
          : 'globale';
      accounts.push({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        scope,
        password,
        totpSecret,
      });
    }
    // The coordinator also works in the other Ambito's inclusion service: the switcher has two entries.
    const coordinator = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'coordinatrice'));
    await tx.insert(memberships).values({
      userId: coordinator[0]!.id,
      role: 'practitioner',
      serviceId: serviceIds.get('inclusione-romano')!,
    });
    // Each module writes its own demo data (TramaModule.seedDemo).
    for (const module of modules) {
      await module.seedDemo?.({ tx: tx as Tx, keyring, serviceIds, userIds, districtIds });
    }
  });
  if (!seededHere) return seeded();
  // With both keys in the environment nothing else has made the data directory yet.
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}
