import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { ZClosureDecisionSchema, ZReopenSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { useCaseMutations } from './cases-api.js';

type Say = (text: string) => void;

/**
 * A supervisor's answer to a closure request: approve it, refuse it (the case stays open) or send
 * it back to the lead with what to review; refusing and sending back need a reason.
 */
export function ClosureDecision({ data, say }: { data: TCase; say: Say }) {
  const { t } = useTranslation();
  const { approveClosure, decideClosure } = useCaseMutations(data.id);
  const [deciding, setDeciding] = useState<'refuse' | 'return' | null>(null);
  const start = (decision: 'refuse' | 'return') => {
    say('');
    decideClosure.reset();
    setDeciding(decision);
  };
  return (
    <>
      {approveClosure.error ? <ActionProblem error={approveClosure.error} /> : null}
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={approveClosure.isPending}
          onClick={() =>
            approveClosure.mutate(undefined, { onSuccess: () => say(t('transfers.closure.approved')) })
          }
        >
          {t('cases.closure.approve')}
        </button>
        {deciding !== 'refuse' && (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => start('refuse')}>
            {t('transfers.closure.refuse')}
          </button>
        )}
        {deciding !== 'return' && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => start('return')}>
            {t('transfers.closure.return')}
          </button>
        )}
      </div>
      {deciding && (
        <ReasonForm
          key={deciding}
          id={`closure-${deciding}`}
          label={t(`transfers.closure.${deciding}Label`)}
          schema={ZClosureDecisionSchema.shape.reason}
          submitLabel={t(`transfers.closure.${deciding}Submit`)}
          tone={deciding === 'refuse' ? 'danger' : 'primary'}
          pending={decideClosure.isPending}
          error={decideClosure.error}
          onSubmit={(reason) =>
            decideClosure.mutate(
              { decision: deciding, reason },
              {
                onSuccess: () =>
                  say(t(deciding === 'refuse' ? 'transfers.closure.refused' : 'transfers.closure.returned')),
              },
            )
          }
          onCancel={() => setDeciding(null)}
        />
      )}
    </>
  );
}

/** A closed case reopened, with its reason, by its lead or the coordinator supervising the service. */
export function ReopenCase({ data, say }: { data: TCase; say: Say }) {
  const { t } = useTranslation();
  const { reopen } = useCaseMutations(data.id);
  const [asking, setAsking] = useState(false);
  return asking ? (
    <ReasonForm
      id="case-reopen"
      label={t('transfers.closure.reopenLabel')}
      schema={ZReopenSchema.shape.reason}
      submitLabel={t('transfers.closure.reopenSubmit')}
      tone="primary"
      pending={reopen.isPending}
      error={reopen.error}
      onSubmit={(reason) =>
        reopen.mutate({ reason }, { onSuccess: () => say(t('transfers.closure.reopened')) })
      }
      onCancel={() => setAsking(false)}
    />
  ) : (
    <button
      type="button"
      className="btn btn-outline-primary btn-sm mb-3"
      onClick={() => {
        say('');
        reopen.reset();
        setAsking(true);
      }}
    >
      {t('transfers.closure.reopen')}
    </button>
  );
}

/** The last refusal or return of a closure, while the case is open again: what the supervisor said. */
export function LastClosureDecision({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const last = data.statusHistory?.at(-1);
  if (!last || (last.kind !== 'closure_refused' && last.kind !== 'closure_returned')) return null;
  return (
    <div className="alert alert-warning" role="note">
      <strong className="d-block">
        {t('transfers.closure.lastDecision', {
          what: t(`enums.statusChangeKind.${last.kind}`),
          by: last.by,
          date: formatDateTime(last.at, locale),
        })}
      </strong>
      {last.reason}
    </div>
  );
}

/** Closure requests, refusals, returns, closings, reopenings and transfers, oldest first, with their reasons. */
export function StatusHistory({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = data.statusHistory ?? [];
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="status-history-heading" className="mt-5">
      <h3 id="status-history-heading" className="h5">
        {t('transfers.closure.history')}
      </h3>
      <DataTable
        className="table-sm"
        caption={t('transfers.closure.historyCaption', { count: history.length })}
      >
        <thead>
          <tr>
            <th scope="col">{t('transfers.closure.kind')}</th>
            <th scope="col">{t('transfers.closure.reason')}</th>
            <th scope="col">{t('transfers.closure.at')}</th>
            <th scope="col">{t('transfers.closure.by')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((change) => (
            <tr key={`${change.at}-${change.kind}`}>
              <th scope="row">{t(`enums.statusChangeKind.${change.kind}`)}</th>
              <td className="text-break">{change.reason ?? '—'}</td>
              <td className="text-nowrap">{formatDateTime(change.at, locale)}</td>
              <td>{change.by || '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
