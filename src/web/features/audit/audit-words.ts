import type { TFunction } from 'i18next';
import type { TAuditRecord, TLocale, TLocalizedText } from '../../../contracts/index.js';

/** An action's words in the reader's language (the server sends both). */
export function inLocale(text: TLocalizedText, locale: TLocale): string {
  return text[locale];
}

/** The word for a kind of record, or a neutral one for a kind this release does not know. */
export function recordTypeText(t: TFunction, type: string): string {
  return t(`audit.recordTypes.${type}`, { defaultValue: t('audit.otherRecord') });
}

/**
 * A record as the DPO reads it: "Nucleo N-7K2M", "Persona del nucleo N-7K2M", "Utente Paola
 * Operatrice"; "Caso (non visibile)" when it cannot be read; the kind alone when it has no code.
 */
export function recordText(t: TFunction, record: TAuditRecord): string {
  const type = recordTypeText(t, record.type);
  if (!record.visible) return t('audit.recordNotVisible', { type });
  if (record.label === null) return type;
  return t(`audit.records.${record.type}`, { label: record.label, defaultValue: `${type} ${record.label}` });
}

/** Who did it: the person's name, a name typed at a refused sign-in, or the system. */
export function actorText(
  t: TFunction,
  e: {
    actorName: string | null;
    actorUsername: string | null;
    actorUserId: string | null;
    actorRole?: string | null;
  },
): string {
  if (e.actorName) return e.actorName;
  // Background jobs act as the system (role "system"), not as a name someone typed.
  if (e.actorRole === 'system') return t('audit.system');
  if (e.actorUsername && !e.actorUserId) return t('audit.typedName', { name: e.actorUsername });
  return e.actorUsername ?? t('audit.system');
}

/** A role's word, if the event was done in one. */
export function roleText(t: TFunction, role: string | null): string | null {
  return role && role !== 'system' ? t(`roles.${role}`, { defaultValue: role }) : null;
}
