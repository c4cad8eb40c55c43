import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TExport, ZExportDecisionSchema } from '../../../contracts/exports.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ExportProgress } from './ExportProgress.js';
import { type ExportPreset, ExportRequestForm } from './ExportRequestForm.js';
import { errorInLocale } from './export-state.js';
import { useExportKinds, useExportMutations, useExports } from './exports-api.js';

/**
 * The viewer's exports: asking for one, following it (the list is asked again every second while
 * a file is being made), downloading it once; and the requests that wait for the viewer's approval.
 */
export function ExportsPage({ preset }: { preset: ExportPreset }) {
  const { t } = useTranslation();
  const kinds = useExportKinds();
  const exports = useExports();

  return (
    <>
      <PageHeading title={t('exports.title')}>
        <p className="mb-0">{t('exports.intro')}</p>
      </PageHeading>
      {/* The list below shows the loading and the errors of the one request. */}
      {exports.data ? <Approvals items={exports.data.filter((e) => e.canDecide)} /> : null}
      <AsyncContent query={kinds}>
        {(list) =>
          list.length > 0 ? (
            <ExportRequestForm
              // Another entry point's link, followed from this page, starts the form again.
              key={[preset.kind, preset.year, preset.status].join('|')}
              kinds={list}
              preset={preset}
            />
          ) : (
            <p className="mb-5">{t('exports.form.noKinds')}</p>
          )
        }
      </AsyncContent>
      <section aria-labelledby="exports-mine-heading">
        <h2 id="exports-mine-heading" className="h4">
          {t('exports.list.title')}
        </h2>
        <AsyncContent query={exports}>
          {(items) => {
            const mine = items.filter((e) => e.mine);
            return mine.length === 0 ? <p>{t('exports.list.empty')}</p> : <OwnExports items={mine} />;
          }}
        </AsyncContent>
      </section>
    </>
  );
}

function OwnExports({ items }: { items: TExport[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { download } = useExportMutations();
  /** Downloaded in this page: shown as such at once, before the list is asked again. */
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());

  async function take(item: TExport) {
    const link = await download.mutateAsync(item.id).catch(() => null);
    if (!link) return;
    setTaken((previous) => new Set(previous).add(item.id));
    window.location.assign(link.url);
  }

  return (
    <>
      {download.error ? <ProblemAlert error={download.error} /> : null}
      <DataTable caption={t('exports.list.caption', { count: items.length })}>
        <thead>
          <tr>
            <th scope="col">{t('exports.list.export')}</th>
            <th scope="col">{t('exports.list.requestedAt')}</th>
            <th scope="col">{t('exports.list.state')}</th>
            <th scope="col">{t('exports.list.progress')}</th>
            <th scope="col">{t('exports.list.expiresAt')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const state = taken.has(item.id) && item.state === 'ready' ? 'downloaded' : item.state;
            const error = state === 'failed' ? errorInLocale(item.error, locale) : null;
            return (
              <tr key={item.id}>
                <th scope="row">
                  {item.label[locale]}
                  <span className="d-block small">{t(`exports.formats.${item.format}`)}</span>
                </th>
                <td className="text-nowrap">{formatDateTime(item.requestedAt, locale)}</td>
                <td>
                  <strong className="d-block">{t(`exports.states.${state}`)}</strong>
                  {state === 'refused' && item.decidedBy ? (
                    <span className="d-block small">
                      {t('exports.list.refusedBy', { by: item.decidedBy })}
                    </span>
                  ) : null}
                  {item.needsApproval && item.decidedBy && state !== 'refused' ? (
                    <span className="d-block small">
                      {t('exports.list.approvedBy', { by: item.decidedBy })}
                    </span>
                  ) : null}
                  {error ? <span className="d-block small">{error}</span> : null}
                </td>
                <td>
                  <ExportProgress item={{ ...item, state }} />
                </td>
                <td className="text-nowrap">
                  {state === 'ready' ? formatDateTime(item.expiresAt, locale) : '—'}
                </td>
                <td>
                  {state === 'ready' ? (
                    <button
                      type="button"
                      className="btn btn-primary btn-sm"
                      disabled={download.isPending}
                      aria-label={t('exports.list.downloadNamed', {
                        label: item.label[locale],
                        format: t(`exports.formats.${item.format}`),
                      })}
                      onClick={() => void take(item)}
                    >
                      {t('exports.list.download')}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}

/**
 * Requests that wait for the viewer's approval. Once something was here the section stays, empty,
 * so the message about the last decision stays with it.
 */
function Approvals({ items }: { items: TExport[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { decide } = useExportMutations();
  const [refusing, setRefusing] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);

  async function settle(item: TExport, decision: 'approve' | 'refuse', note?: string) {
    const done = await decide
      .mutateAsync({ id: item.id, decision, ...(note ? { note } : {}) })
      .catch(() => null);
    if (!done) return;
    setRefusing(null);
    setDecided(
      t(decision === 'approve' ? 'exports.approvals.approved' : 'exports.approvals.refused', {
        label: item.label[locale],
        by: item.requestedBy,
      }),
    );
  }

  if (items.length === 0 && decided === null) return null;
  return (
    <section aria-labelledby="exports-approvals-heading" className="mb-5">
      <h2 id="exports-approvals-heading" className="h4">
        {t('exports.approvals.title')}
      </h2>
      <p>{t('exports.approvals.intro')}</p>
      <div role="status">{decided ? <div className="alert alert-success">{decided}</div> : null}</div>
      {decide.error && refusing === null ? <ProblemAlert error={decide.error} /> : null}
      {items.length === 0 ? (
        <p>{t('exports.approvals.empty')}</p>
      ) : (
        <DataTable caption={t('exports.approvals.caption', { count: items.length })}>
          <thead>
            <tr>
              <th scope="col">{t('exports.list.export')}</th>
              <th scope="col">{t('exports.approvals.requestedBy')}</th>
              <th scope="col">{t('exports.list.requestedAt')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const names = { label: item.label[locale], by: item.requestedBy };
              return (
                <tr key={item.id}>
                  <th scope="row">
                    {item.label[locale]}
                    <span className="d-block small">{t(`exports.formats.${item.format}`)}</span>
                  </th>
                  <td>{item.requestedBy}</td>
                  <td className="text-nowrap">{formatDateTime(item.requestedAt, locale)}</td>
                  <td>
                    {refusing === item.id ? (
                      <ReasonForm
                        id={`export-refuse-${item.id}`}
                        label={t('exports.approvals.note')}
                        schema={ZExportDecisionSchema.shape.note}
                        name="note"
                        optional
                        submitLabel={t('exports.approvals.refuse')}
                        pending={decide.isPending}
                        error={decide.error}
                        onSubmit={(note) => void settle(item, 'refuse', note)}
                        onCancel={() => {
                          decide.reset();
                          setRefusing(null);
                        }}
                      />
                    ) : (
                      <div className="d-flex flex-wrap gap-2">
                        <button
                          type="button"
                          className="btn btn-primary btn-sm"
                          disabled={decide.isPending}
                          aria-label={t('exports.approvals.approveNamed', names)}
                          onClick={() => {
                            setDecided(null);
                            void settle(item, 'approve');
                          }}
                        >
                          {t('exports.approvals.approve')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-outline-danger btn-sm"
                          disabled={decide.isPending}
                          aria-label={t('exports.approvals.refuseNamed', names)}
                          onClick={() => {
                            decide.reset();
                            setDecided(null);
                            setRefusing(item.id);
                          }}
                        >
                          {t('exports.approvals.refuseOpen')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
