import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVideoRelease } from '../../../contracts/website-videos.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReleaseForm } from './ReleaseForm.js';
import { DownloadButton } from './VideoFiles.js';
import { useReleaseDelete } from './video-api.js';

/**
 * The releases signed by the people filmed: who, in what role, whether the signed form is scanned.
 * The names stay in the app for the editorial team, never on the site.
 */
export function VideoReleases({ pageId, releases }: { pageId: string; releases: TVideoRelease[] }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="site-video-releases-heading" className="mb-5">
      <h3 id="site-video-releases-heading" className="h5">
        {t('website.video.releases.title')}
      </h3>
      <p>{t('website.video.releases.intro')}</p>
      {releases.length === 0 ? (
        <p>{t('website.video.releases.empty')}</p>
      ) : (
        <ReleaseTable pageId={pageId} releases={releases} />
      )}
      {adding ? (
        <ReleaseForm pageId={pageId} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="btn btn-outline-primary" onClick={() => setAdding(true)}>
          {t('website.video.releases.add')}
        </button>
      )}
    </section>
  );
}

function ReleaseTable({ pageId, releases }: { pageId: string; releases: TVideoRelease[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useReleaseDelete(pageId);
  const [confirming, setConfirming] = useState<TVideoRelease | null>(null);
  return (
    <>
      <DataTable
        className="table-sm"
        caption={t('website.video.releases.caption', { count: releases.length })}
      >
        <thead>
          <tr>
            <th scope="col">{t('website.video.releases.personName')}</th>
            <th scope="col">{t('website.video.releases.personRole')}</th>
            <th scope="col">{t('website.video.releases.signedForm')}</th>
            <th scope="col">{t('website.video.releases.recorded')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.personName}</th>
              <td>{r.personRole}</td>
              <td>
                {r.fileId ? (
                  <>
                    <span className="d-block mb-1">{t('website.video.releases.attached')}</span>
                    <DownloadButton
                      fileId={r.fileId}
                      label={t('website.video.releases.download', { name: r.personName })}
                    />
                  </>
                ) : (
                  t('website.video.releases.notAttached')
                )}
              </td>
              <td>
                {t('website.video.releases.recordedBy', {
                  by: r.recordedBy,
                  at: formatDateTime(r.recordedAt, locale),
                })}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  disabled={remove.isPending}
                  onClick={() => {
                    remove.reset();
                    setConfirming(r);
                  }}
                >
                  {t('website.video.releases.delete', { name: r.personName })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {remove.error ? <ActionProblem error={remove.error} className="mb-3" /> : null}
      {confirming && (
        <ConfirmPanel
          className="mb-3"
          message={t('website.video.releases.confirmDelete', { name: confirming.personName })}
          confirmLabel={t('website.video.releases.delete', { name: confirming.personName })}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
