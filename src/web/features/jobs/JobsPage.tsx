import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TJob, type TJobState, ZJobStateSchema } from '../../../contracts/jobs.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { codesOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useJobs, useRetryJob } from './jobs-api.js';

const STATES = codesOf(ZJobStateSchema);

/** The background jobs with their state in words, attempts, times and errors; a failed one can run again. */
export function JobsPage({
  state,
  onStateChange,
}: {
  state: TJobState | undefined;
  onStateChange: (state: TJobState | undefined) => void;
}) {
  const { t } = useTranslation();
  const jobs = useJobs(state);
  const [draft, setDraft] = useState<string>(state ?? '');

  // The filter applies with its button, so moving through the options does not reload the list.
  function apply(event: FormEvent) {
    event.preventDefault();
    onStateChange(STATES.find((s) => s === draft));
  }

  return (
    <>
      <PageHeading title={t('jobs.title')}>
        <p className="mb-0">{t('jobs.intro')}</p>
      </PageHeading>
      <form onSubmit={apply} className="d-flex flex-wrap align-items-end gap-3 mb-3">
        <SelectField
          id="jobs-state"
          label={t('jobs.filter.state')}
          placeholder={t('jobs.filter.all')}
          options={STATES.map((s) => ({ value: s, label: t(`jobs.states.${s}`) }))}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('jobs.filter.apply')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary mb-4"
          disabled={jobs.isFetching}
          onClick={() => void jobs.refetch()}
        >
          {t('jobs.refresh')}
        </button>
      </form>
      <AsyncContent query={jobs}>
        {(items) =>
          items.length === 0 ? (
            <p role="status">{state ? t('jobs.emptyState') : t('jobs.empty')}</p>
          ) : (
            <JobsTable items={items} state={state} />
          )
        }
      </AsyncContent>
    </>
  );
}

function JobsTable({ items, state }: { items: TJob[]; state: TJobState | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const retry = useRetryJob();
  const [retried, setRetried] = useState<string | null>(null);

  async function runAgain(job: TJob) {
    setRetried(null);
    const done = await retry.mutateAsync(job.id).then(
      () => true,
      () => false,
    );
    if (done) setRetried(t('jobs.retried', { label: job.label[locale] }));
  }

  return (
    <>
      <div role="status">{retried ? <div className="alert alert-success">{retried}</div> : null}</div>
      {retry.error ? <ProblemAlert error={retry.error} /> : null}
      <DataTable
        caption={
          state
            ? t('jobs.captionState', { count: items.length, state: t(`jobs.states.${state}`) })
            : t('jobs.caption', { count: items.length })
        }
      >
        <thead>
          <tr>
            <th scope="col">{t('jobs.fields.job')}</th>
            <th scope="col">{t('jobs.fields.state')}</th>
            <th scope="col">{t('jobs.fields.attempts')}</th>
            <th scope="col">{t('jobs.fields.createdAt')}</th>
            <th scope="col">{t('jobs.fields.startedAt')}</th>
            <th scope="col">{t('jobs.fields.finishedAt')}</th>
            <th scope="col">{t('jobs.fields.error')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.id}>
              <th scope="row">{job.label[locale]}</th>
              <td>
                {t(`jobs.states.${job.state}`)}
                {(job.state === 'retrying' || job.state === 'queued') && job.startAfter > job.createdAt ? (
                  <span className="d-block small">
                    {t('jobs.startAfter', { at: formatDateTime(job.startAfter, locale) })}
                  </span>
                ) : null}
              </td>
              <td className="text-nowrap">
                {t('jobs.attempts', { attempts: job.attempts, max: job.maxAttempts })}
              </td>
              <td className="text-nowrap">{formatDateTime(job.createdAt, locale)}</td>
              <td className="text-nowrap">{formatDateTime(job.startedAt, locale)}</td>
              <td className="text-nowrap">{formatDateTime(job.finishedAt, locale)}</td>
              <td className="text-break">{job.error ?? '—'}</td>
              <td>
                {job.state === 'failed' ? (
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    disabled={retry.isPending}
                    aria-label={t('jobs.retryNamed', {
                      label: job.label[locale],
                      at: formatDateTime(job.createdAt, locale),
                    })}
                    onClick={() => void runAgain(job)}
                  >
                    {t('jobs.retry')}
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
