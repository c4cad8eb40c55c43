import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeetingMinutes, TMinutesVersion } from '../../../contracts/governance-minutes.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useMinutesChange } from './governance-actions-api.js';
import { MinutesEditor } from './MinutesEditor.js';

/** The minutes' text, item by item under the agenda's titles. */
function MinutesText({ minutes, version }: { minutes: TMeetingMinutes; version: TMinutesVersion }) {
  const { t } = useTranslation();
  const titleOf = (id: string | null) =>
    id
      ? (minutes.agenda.find((a) => a.id === id)?.title ?? '')
      : minutes.agenda.length
        ? t('governanceActions.minutes.otherLabel')
        : t('governanceActions.minutes.generalLabel');
  return (
    <dl>
      {version.items.map((item) => (
        <div key={item.agendaItemId ?? 'general'} className="mb-3">
          <dt>{titleOf(item.agendaItemId)}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{item.text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who approved a version, when, and at which meeting (or between meetings). */
function approvalLine(t: ReturnType<typeof useTranslation>['t'], locale: 'it' | 'en', v: TMinutesVersion) {
  return t(
    v.approvedAtMeeting
      ? 'governanceActions.minutes.approvedAt'
      : 'governanceActions.minutes.approvedBetween',
    {
      version: v.version,
      name: v.approvedBy?.name ?? '',
      when: formatDateTime(v.approvedAt, locale),
      meeting: formatDateTime(v.approvedAtMeeting?.startsAt, locale),
    },
  );
}

export function MinutesSection({ minutes }: { minutes: TMeetingMinutes }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = useMinutesChange(minutes.meetingId);
  const [correcting, setCorrecting] = useState(false);
  const { approved, pending, can } = minutes;
  const status = (v: TMinutesVersion) => t(`governanceActions.minutes.status.${v.status}`);
  const busy =
    change.draft.isPending || change.edit.isPending || change.circulate.isPending || change.approve.isPending;
  const refusal = change.circulate.error ?? change.approve.error;

  return (
    <section aria-labelledby="minutes-heading" className="mb-5">
      <h2 id="minutes-heading" className="h4">
        {t('governanceActions.minutes.title')}
      </h2>
      <ActionProblem error={refusal} className="mb-3" />
      {approved ? (
        <>
          <p className="text-muted small">{approvalLine(t, locale, approved)}</p>
          <MinutesText minutes={minutes} version={approved} />
        </>
      ) : (
        !pending && !can.draft && <p>{t('governanceActions.minutes.none')}</p>
      )}

      {pending && (
        <div className="border rounded p-3 mb-3">
          <h3 className="h5">
            {t('governanceActions.minutes.pendingTitle', {
              version: pending.version,
              status: status(pending),
            })}
          </h3>
          {pending.correctionReason && (
            <p>{t('governanceActions.minutes.reasonWas', { reason: pending.correctionReason })}</p>
          )}
          {pending.status === 'draft' && can.draft ? (
            <MinutesEditor
              key={pending.id + pending.updatedAt}
              minutes={minutes}
              initial={pending.items}
              correction={false}
              pending={busy}
              error={change.edit.error}
              onSave={(items) => change.edit.mutate({ id: pending.id, input: { items } })}
            />
          ) : (
            <MinutesText minutes={minutes} version={pending} />
          )}
          <div className="d-flex flex-wrap gap-2 mt-2">
            {pending.status === 'draft' && can.draft && (
              <button
                type="button"
                className="btn btn-outline-primary"
                disabled={busy}
                onClick={() => change.circulate.mutate(pending.id)}
              >
                {t('governanceActions.minutes.circulate')}
              </button>
            )}
            {pending.status === 'circulated' && can.approve && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => change.approve.mutate(pending.id)}
              >
                {t('governanceActions.minutes.approve')}
              </button>
            )}
          </div>
        </div>
      )}

      {can.draft && !pending && (!approved || correcting) && (
        <div className="border rounded p-3 mb-3">
          <h3 className="h5">
            {approved
              ? t('governanceActions.minutes.correctTitle')
              : t('governanceActions.minutes.draftTitle')}
          </h3>
          <MinutesEditor
            minutes={minutes}
            initial={approved?.items ?? []}
            correction={Boolean(approved)}
            pending={busy}
            error={change.draft.error}
            onSave={(items, reason) =>
              change.draft.mutate({ items, reason }, { onSuccess: () => setCorrecting(false) })
            }
            onCancel={approved ? () => setCorrecting(false) : undefined}
          />
        </div>
      )}
      {can.draft && approved && !pending && !correcting && (
        <button type="button" className="btn btn-outline-secondary mb-3" onClick={() => setCorrecting(true)}>
          {t('governanceActions.minutes.correct')}
        </button>
      )}

      {minutes.versions.length > 0 && (
        <details>
          <summary>{t('governanceActions.minutes.history', { count: minutes.versions.length })}</summary>
          <ul className="mt-2">
            {minutes.versions.map((v) => (
              <li key={v.id}>
                {t('governanceActions.minutes.historyLine', {
                  version: v.version,
                  status: status(v),
                  name: v.draftedBy.name,
                  when: formatDateTime(v.createdAt, locale),
                })}
                {v.approvedAt ? ` ${approvalLine(t, locale, v)}` : ''}
                {v.correctionReason
                  ? ` ${t('governanceActions.minutes.reasonWas', { reason: v.correctionReason })}`
                  : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
