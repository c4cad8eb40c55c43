import { useTranslation } from 'react-i18next';

type Tone = 'secondary' | 'primary' | 'success' | 'warning' | 'danger';

/** Statuses shown as badges always carry their word: the colour only repeats it. */
const TONES: Record<string, Record<string, Tone>> = {
  referralStatus: {
    draft: 'secondary',
    sent: 'primary',
    accepted: 'success',
    declined: 'danger',
    closed: 'secondary',
    revoked: 'warning',
  },
  caseStatus: { open: 'primary', closing: 'warning', closed: 'secondary' },
  planStatus: { none: 'secondary', draft: 'secondary', submitted: 'warning', approved: 'success' },
  consentState: { active: 'success', expired: 'secondary', revoked: 'danger' },
  urgency: { routine: 'secondary', priority: 'warning', urgent: 'danger' },
};

export function StatusBadge({ kind, value }: { kind: keyof typeof TONES; value: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge bg-${TONES[kind]?.[value] ?? 'secondary'}`}>{t(`enums.${kind}.${value}`)}</span>
  );
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? <span className="badge bg-danger ms-1">{t('caseCommon.overdue')}</span> : null;
}
