import { sql } from 'drizzle-orm';
import type { TProcessingActivity } from '../../../contracts/privacy.js';
import { RETENTION_RULES, type TRetentionRuleClass } from '../../../contracts/privacy.js';
import { PLATFORM_FIELD_CLASSES } from '../../platform/access/field-classes.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import {
  type DeclaredActivity,
  dataCategories,
  declaredActivities,
  rolesReading,
} from '../../platform/privacy/processing.js';
import { PLATFORM_RETENTION, type RetentionClass } from '../../platform/retention/retention-classes.js';
import { COMMON_MEASURES, FIELD_CLASS_WORDS, RETENTION_WORDS, ROLE_WORDS } from './privacy-register-words.js';

const L = (it: string, en: string) => ({ it, en });

/** The platform's own processing: staff accounts, sign-in and the access log. */
const PLATFORM_ACTIVITY: DeclaredActivity = {
  key: 'platform',
  name: L('Account degli operatori e registro degli accessi', 'Staff accounts and the access log'),
  purposes: L(
    'Autenticazione, autorizzazione e tracciamento di ogni accesso ai dati personali.',
    'Authentication, authorisation and the record of every access to personal data.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(c) e art. 32 GDPR: sicurezza del trattamento',
      'Art. 6(1)(c) and art. 32 GDPR: security of processing',
    ),
    L(
      'Provv. Garante 27/11/2008 sugli amministratori di sistema',
      'Garante’s decision of 27/11/2008 on system administrators',
    ),
  ],
  subjects: [
    L(
      'Operatori, volontari e amministratori con un account',
      'Staff, volunteers and administrators with an account',
    ),
  ],
  recipients: [L('Nessuno fuori dal titolare', 'No one outside the controller')],
  readBy: ['users.read', 'audit.read'],
  fieldClasses: PLATFORM_FIELD_CLASSES,
  retention: { ...PLATFORM_RETENTION },
};

/** Each retention class the activity uses, in words, with the DPO's periods where Trama applies one. */
async function retentionOf(tx: Tx, retention: Record<string, RetentionClass>) {
  const classes = [...new Set(Object.values(retention))].sort();
  const periods = await queryRows<{ retention_class: string; min: number; max: number }>(
    tx,
    sql`select retention_class, min(period_months)::int as min, max(period_months)::int as max
          from privacy_retention_policies group by retention_class`,
  );
  return classes.map((c) => {
    const words = RETENTION_WORDS[c];
    const rule = RETENTION_RULES[c as TRetentionRuleClass];
    if (!rule) return words;
    const set = periods.find((p) => p.retention_class === c);
    const low = Math.min(set?.min ?? rule.defaultMonths, rule.defaultMonths);
    const high = Math.max(set?.max ?? rule.defaultMonths, rule.defaultMonths);
    const span = low === high ? `${low}` : `${low}–${high}`;
    return { it: `${words.it} (${span} mesi)`, en: `${words.en} (${span} months)` };
  });
}

/** The record of processing: every activity the mounted modules declare, completed by the DPO. */
export async function processingRegister(tx: Tx): Promise<TProcessingActivity[]> {
  const entries = await queryRows<{
    activity_key: string;
    controller: string | null;
    processors: string | null;
    transfers: string | null;
    notes: string | null;
    updated_by: string;
    updated_at: Date;
  }>(
    tx,
    sql`select e.activity_key, e.controller, e.processors, e.transfers, e.notes, u.display_name as updated_by, e.updated_at
          from privacy_processing_entries e join users u on u.id = e.updated_by`,
  );
  const activities = [PLATFORM_ACTIVITY, ...declaredActivities()];
  const register: TProcessingActivity[] = [];
  for (const a of activities) {
    const { columns } = dataCategories(a.fieldClasses);
    const entry = entries.find((e) => e.activity_key === a.key);
    register.push({
      key: a.key,
      name: a.name,
      purposes: a.purposes,
      legalBases: a.legalBases,
      subjects: a.subjects,
      recipients: a.recipients,
      dataCategories: (Object.keys(FIELD_CLASS_WORDS) as (keyof typeof FIELD_CLASS_WORDS)[])
        .filter((c) => c !== 'public' && (columns[c] ?? 0) > 0)
        .map((c) => ({ label: FIELD_CLASS_WORDS[c], columns: columns[c]! })),
      retention: await retentionOf(tx, a.retention),
      readBy: rolesReading(a.readBy).map((r) => ROLE_WORDS[r]),
      measures: COMMON_MEASURES,
      controller: entry?.controller ?? null,
      processors: entry?.processors ?? null,
      transfers: entry?.transfers ?? null,
      notes: entry?.notes ?? null,
      updatedBy: entry?.updated_by ?? null,
      updatedAt: entry ? new Date(entry.updated_at).toISOString() : null,
    });
  }
  return register;
}

export const knownActivity = (key: string) =>
  key === PLATFORM_ACTIVITY.key || declaredActivities().some((a) => a.key === key);
