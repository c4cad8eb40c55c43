import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import type { TMeetingMinutes, TMinutesItem } from '../../../contracts/governance-minutes.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';

const GENERAL = 'general';

/**
 * The secretary's editor: one text per agenda item and one general text ("varie", or the whole
 * minutes of a meeting with no agenda). Empty texts are left out. A correction asks its reason.
 */
export function MinutesEditor({
  minutes,
  initial,
  correction,
  pending,
  error,
  onSave,
  onCancel,
}: {
  minutes: TMeetingMinutes;
  initial: TMinutesItem[];
  correction: boolean;
  pending: boolean;
  error: unknown;
  onSave: (items: TMinutesItem[], reason: string | null) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(initial.map((i) => [i.agendaItemId ?? GENERAL, i.text])),
  );
  const [reason, setReason] = useState('');
  const slots = [
    ...minutes.agenda.map((a) => ({ key: a.id, label: t('governanceActions.minutes.itemLabel', a) })),
    {
      key: GENERAL,
      label: minutes.agenda.length
        ? t('governanceActions.minutes.otherLabel')
        : t('governanceActions.minutes.generalLabel'),
    },
  ];
  // Field errors name items by their position in what was sent.
  const sent = slots.filter((s) => (texts[s.key] ?? '').trim() !== '');
  const errorOf = (key: string) => {
    const index = sent.findIndex((s) => s.key === key);
    return index < 0 ? undefined : serverFieldError(error, locale, `items.${index}.text`);
  };
  const save = () =>
    onSave(
      sent.map((s) => ({ agendaItemId: s.key === GENERAL ? null : s.key, text: texts[s.key]!.trim() })),
      correction ? reason.trim() || null : null,
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      noValidate
    >
      <ActionProblem error={error} className="mb-3" />
      <p className="small">{t('governanceActions.minutes.responsibility')}</p>
      {correction && (
        <TextField
          id="minutes-reason"
          label={t('governanceActions.minutes.reason')}
          required
          value={reason}
          maxLength={GOVERNANCE_LIMITS.reason}
          error={serverFieldError(error, locale, 'reason')}
          onChange={(event) => setReason(event.target.value)}
        />
      )}
      {slots.map((slot) => (
        <TextAreaField
          key={slot.key}
          id={`minutes-${slot.key}`}
          label={slot.label}
          rows={4}
          value={texts[slot.key] ?? ''}
          error={errorOf(slot.key)}
          onChange={(event) => setTexts((current) => ({ ...current, [slot.key]: event.target.value }))}
        />
      ))}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={pending || sent.length === 0}>
          {correction
            ? t('governanceActions.minutes.saveCorrection')
            : t('governanceActions.minutes.saveDraft')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
