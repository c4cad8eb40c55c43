import { useTranslation } from 'react-i18next';
import type { TCommitteeKind, TCommitteeRole } from '../../../contracts/governance-codes.js';
import { ATTENDANCE_STATES, COMMITTEE_KINDS, COMMITTEE_ROLES } from '../../../contracts/governance-codes.js';

/** The words of the committees' codes (kinds, roles, statuses, attendance) in the reader's language. */
export function useCommitteeWords() {
  const { t } = useTranslation();
  return {
    kind: (kind: TCommitteeKind) => t(`committees.kind.${kind}`),
    role: (role: TCommitteeRole | null) => (role ? t(`committees.role.${role}`) : t('committees.role.none')),
    status: (status: string) => t(`committees.status.${status}`),
    attendance: (state: string | null) =>
      state ? t(`committees.attendance.${state}`) : t('committees.attendance.unrecorded'),
    kindOptions: COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`committees.kind.${k}`) })),
    roleOptions: COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`committees.role.${r}`) })),
    attendanceOptions: ATTENDANCE_STATES.map((s) => ({ value: s, label: t(`committees.attendance.${s}`) })),
  };
}

/** A `datetime-local` value (the browser's local time) from an ISO instant, and back. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export const fromLocalInput = (value: string): string => {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
};
