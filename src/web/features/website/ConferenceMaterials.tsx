import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConferenceDetail } from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { MaterialUploadForm, RecordingForm } from './ConferenceMaterialForms.js';
import { useMaterialDelete } from './conference-api.js';
import { DownloadButton } from './VideoFiles.js';

type Material = TConferenceDetail['materials'][number];

/**
 * After the event: its documents (PDF, opened through a single-use link) and its recordings (chapters
 * of the video manual, on the conference's page while the chapter is on the site).
 */
export function ConferenceMaterials({ pageId, materials }: { pageId: string; materials: Material[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="site-conference-materials-heading" className="mb-5">
      <h3 id="site-conference-materials-heading" className="h5">
        {t('website.conference.materials.title')}
      </h3>
      <p>{t('website.conference.materials.intro')}</p>
      {materials.length === 0 ? (
        <p>{t('website.conference.materials.empty')}</p>
      ) : (
        <MaterialList pageId={pageId} materials={materials} />
      )}
      <div className="row g-4">
        <div className="col-lg-6">
          <MaterialUploadForm pageId={pageId} />
        </div>
        <div className="col-lg-6">
          <RecordingForm pageId={pageId} materials={materials} />
        </div>
      </div>
    </section>
  );
}

function MaterialList({ pageId, materials }: { pageId: string; materials: Material[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useMaterialDelete(pageId);
  const [confirming, setConfirming] = useState<Material | null>(null);
  return (
    <>
      <ul className="list-unstyled mb-3">
        {materials.map((m) => (
          <li key={m.id} className="border-bottom py-2 d-flex flex-wrap align-items-start gap-2">
            <div className="flex-grow-1 text-break">
              <span className="d-block small">{t(`website.conference.materials.kinds.${m.kind}`)}</span>
              <span className="d-block fw-semibold">{m.title}</span>
              {m.kind === 'recording' && !m.shown && (
                <span className="d-block">
                  <span className="badge bg-warning text-dark">
                    {t('website.conference.materials.notShown')}
                  </span>
                </span>
              )}
              <span className="d-block small">
                {t('website.conference.materials.added', {
                  by: m.addedBy,
                  at: formatDateTime(m.addedAt, locale),
                })}
              </span>
            </div>
            <div className="d-flex flex-wrap align-items-start gap-2">
              {m.kind === 'document' && m.fileId && (
                <div>
                  <DownloadButton
                    fileId={m.fileId}
                    label={t('website.conference.materials.open', { title: m.title })}
                  />
                </div>
              )}
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                disabled={remove.isPending}
                onClick={() => {
                  remove.reset();
                  setConfirming(m);
                }}
              >
                {t('website.conference.materials.delete')}
                <span className="visually-hidden"> {m.title}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {remove.error ? <ActionProblem error={remove.error} className="mb-3" /> : null}
      {confirming && (
        <ConfirmPanel
          className="mb-3"
          message={t(`website.conference.materials.confirmDelete.${confirming.kind}`, {
            title: confirming.title,
          })}
          confirmLabel={t('website.conference.materials.delete')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
