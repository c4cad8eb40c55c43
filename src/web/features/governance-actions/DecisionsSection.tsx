import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeetingMinutes } from '../../../contracts/governance-minutes.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, SelectField, TextAreaField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { useDecisions, useIndicators, useRecordDecision } from './governance-actions-api.js';

/** The decisions of the meeting, numbered "n/yyyy", and the chair's or secretary's form to record one. */
export function DecisionsSection({ minutes }: { minutes: TMeetingMinutes }) {
  const { t } = useTranslation();
  const decisions = useDecisions(minutes.meetingId);
  const titleOf = (id: string | null) => minutes.agenda.find((a) => a.id === id)?.title;
  const locale = useLocale();
  return (
    <section aria-labelledby="decisions-heading" className="mb-5">
      <h2 id="decisions-heading" className="h4">
        {t('governanceActions.decisions.title')}
      </h2>
      <AsyncContent query={decisions}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('governanceActions.decisions.none')}</p>
          ) : (
            <ul className="list-unstyled">
              {data.items.map((d) => (
                <li key={d.id} className="mb-3">
                  <strong>{t('governanceActions.decisions.number', { label: d.label })}</strong>
                  {titleOf(d.agendaItemId) ? ` — ${titleOf(d.agendaItemId)}` : ''}
                  <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
                    {d.text}
                  </p>
                  {d.indicator && (
                    <p className="small text-muted mb-0">
                      {t('governanceActions.decisions.aims', { indicator: d.indicator.label[locale] })}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
      {minutes.can.record && <DecisionForm minutes={minutes} />}
    </section>
  );
}

function DecisionForm({ minutes }: { minutes: TMeetingMinutes }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const indicators = useIndicators();
  const record = useRecordDecision(minutes.meetingId);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [indicatorKey, setIndicatorKey] = useState('');
  if (!open)
    return (
      <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(true)}>
        {t('governanceActions.decisions.record')}
      </button>
    );
  return (
    <form
      className="border rounded p-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate(
          { text: text.trim(), agendaItemId: agendaItemId || null, indicatorKey: indicatorKey || null },
          {
            onSuccess: () => {
              setText('');
              setOpen(false);
            },
          },
        );
      }}
    >
      <h3 className="h5">{t('governanceActions.decisions.record')}</h3>
      <ActionProblem error={record.error} className="mb-3" />
      <TextAreaField
        id="decision-text"
        label={t('governanceActions.decisions.text')}
        required
        rows={3}
        value={text}
        error={serverFieldError(record.error, locale, 'text')}
        onChange={(event) => setText(event.target.value)}
      />
      <SelectField
        id="decision-agenda"
        label={t('governanceActions.decisions.agendaItem')}
        placeholder={t('governanceActions.decisions.noAgendaItem')}
        options={minutes.agenda.map((a) => ({ value: a.id, label: a.title }))}
        value={agendaItemId}
        onChange={(event) => setAgendaItemId(event.target.value)}
      />
      <SelectField
        id="decision-indicator"
        label={t('governanceActions.decisions.indicator')}
        hint={t('governanceActions.decisions.indicatorHint')}
        placeholder={t('governanceActions.decisions.noIndicator')}
        options={(indicators.data?.items ?? []).map((i) => ({ value: i.key, label: i.label[locale] }))}
        value={indicatorKey}
        error={serverFieldError(record.error, locale, 'indicatorKey')}
        onChange={(event) => setIndicatorKey(event.target.value)}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={record.isPending || !text.trim()}>
          {t('governanceActions.decisions.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
