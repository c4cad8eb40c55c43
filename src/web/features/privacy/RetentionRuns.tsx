import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type TRetentionRun,
  type TRetentionRunDetail,
  ZRetentionRunDetailSchema,
  ZRetentionRunSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

const runsKey = ['privacy', 'runs'] as const;

/**
 * Retention runs: a dry run lists what is past its period; nothing changes until the DPO approves
 * it, and then the households are anonymised in the background (the page refreshes while it runs).
 */
export function RetentionRuns() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: runsKey,
    queryFn: () => api('/api/privacy/retention/runs', { schema: z.array(ZRetentionRunSchema) }),
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'approved') ? 2000 : false),
  });
  const propose = useMutation({
    mutationFn: () =>
      api('/api/privacy/retention/runs', { method: 'POST', schema: ZRetentionRunDetailSchema }),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: ['privacy'] });
      setShown(run.id);
    },
  });
  return (
    <section aria-labelledby="runs-heading" className="mb-5">
      <h2 id="runs-heading" className="h4">
        {t('privacy.runs.title')}
      </h2>
      <p>{t('privacy.runs.intro')}</p>
      {propose.error ? <ProblemAlert error={propose.error} /> : null}
      <button
        type="button"
        className="btn btn-primary mb-3"
        onClick={() => propose.mutate()}
        disabled={propose.isPending}
      >
        {t('privacy.runs.propose')}
      </button>
      <AsyncContent query={runs}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('privacy.runs.empty')}</p>
          ) : (
            <RunsTable items={items} shown={shown} onShow={(id) => setShown(id === shown ? null : id)} />
          )
        }
      </AsyncContent>
      {shown && <RunDetail id={shown} />}
    </section>
  );
}

function RunsTable({
  items,
  shown,
  onShow,
}: {
  items: TRetentionRun[];
  shown: string | null;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('privacy.runs.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('privacy.runs.madeOn')}</th>
          <th scope="col">{t('privacy.runs.status')}</th>
          <th scope="col">{t('privacy.runs.counts')}</th>
          <th scope="col">{t('privacy.runs.approval')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('privacy.runs.report')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <th scope="row" className="text-nowrap">
              {formatDateTime(r.createdAt, locale)}
              <span className="d-block small fw-normal">{r.createdBy}</span>
            </th>
            <td>{t(`privacy.runs.statuses.${r.status}`)}</td>
            <td>{t('privacy.runs.countsValue', { due: r.due, held: r.held, done: r.done })}</td>
            <td>
              {r.approvedBy && r.approvedAt
                ? t('privacy.runs.approvedBy', { by: r.approvedBy, at: formatDateTime(r.approvedAt, locale) })
                : '—'}
            </td>
            <td>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                aria-expanded={shown === r.id}
                onClick={() => onShow(r.id)}
              >
                {shown === r.id ? t('privacy.runs.hideReport') : t('privacy.runs.showReport')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function RunDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: [...runsKey, id],
    queryFn: () => api(`/api/privacy/retention/runs/${id}`, { schema: ZRetentionRunDetailSchema }),
    refetchInterval: (query) => (query.state.data?.status === 'approved' ? 2000 : false),
  });
  return (
    <section aria-labelledby="run-report-heading" className="card shadow-sm p-4 mt-3">
      <h3 id="run-report-heading" className="h5">
        {t('privacy.runs.reportTitle')}
      </h3>
      <AsyncContent query={run}>{(detail) => <RunReport run={detail} />}</AsyncContent>
    </section>
  );
}

function RunReport({ run }: { run: TRetentionRunDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p>{t(`privacy.runs.explain.${run.status}`, { date: formatDay(run.asOf, locale) })}</p>
      {run.status === 'proposed' && <Decision run={run} />}
      {run.items.length === 0 ? (
        <p>{t('privacy.runs.nothingDue')}</p>
      ) : (
        <DataTable caption={t('privacy.runs.itemsCaption', { count: run.items.length })}>
          <thead>
            <tr>
              <th scope="col">{t('privacy.runs.household')}</th>
              <th scope="col">{t('privacy.runs.organisation')}</th>
              <th scope="col">{t('privacy.runs.closedOn')}</th>
              <th scope="col">{t('privacy.runs.dueOn')}</th>
              <th scope="col">{t('privacy.runs.takes')}</th>
              <th scope="col">{t('privacy.runs.itemStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {run.items.map((i) => (
              <tr key={i.householdCode}>
                <th scope="row">{i.householdCode}</th>
                <td>{i.organisation}</td>
                <td className="text-nowrap">{formatDay(i.lastClosedOn, locale)}</td>
                <td className="text-nowrap">{formatDay(i.dueOn, locale)}</td>
                <td>
                  {t('privacy.runs.takesValue', {
                    cases: i.cases,
                    people: i.people,
                    notes: i.notes,
                    documents: i.documents,
                  })}
                </td>
                <td>
                  {t(`privacy.runs.itemStatuses.${i.status}`)}
                  {i.heldBy ? <span className="d-block small">{i.heldBy}</span> : null}
                  {i.doneAt ? (
                    <span className="d-block small">{formatDateTime(i.doneAt, locale)}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

function Decision({ run }: { run: TRetentionRunDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const decide = useMutation({
    mutationFn: (what: 'approve' | 'discard') =>
      api(`/api/privacy/retention/runs/${run.id}/${what}`, {
        method: 'POST',
        schema: ZRetentionRunDetailSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
  return (
    <div className="mb-3">
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
      {confirming ? (
        <ConfirmPanel
          message={t('privacy.runs.confirm', { count: run.due })}
          confirmLabel={t('privacy.runs.approve')}
          pending={decide.isPending}
          onConfirm={() => decide.mutate('approve')}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => setConfirming(true)}
            disabled={run.due === 0}
          >
            {t('privacy.runs.approve')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => decide.mutate('discard')}
            disabled={decide.isPending}
          >
            {t('privacy.runs.discard')}
          </button>
        </div>
      )}
    </div>
  );
}
