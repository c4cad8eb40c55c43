import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVideoDetail } from '../../../contracts/website-videos.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useVideoCheck } from './video-api.js';

/**
 * The check before publishing: an editor other than the one who uploaded the video watches all of
 * it and confirms that every person filmed has a release and that no victim or minor can be
 * recognised. A new video or a change of the releases asks for it again.
 */
export function VideoCheck({ pageId, detail }: { pageId: string; detail: TVideoDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="site-video-check-heading" className="mb-5">
      <h3 id="site-video-check-heading" className="h5">
        {t('website.video.check.title')}
      </h3>
      {/* Kept in place, so the confirmation is read out when it appears. */}
      <div role="status">
        {detail.check && (
          <p className="fw-semibold">
            {t('website.video.check.done', {
              by: detail.check.by,
              at: formatDateTime(detail.check.at, locale),
            })}
          </p>
        )}
      </div>
      {detail.check ? null : !detail.video ? (
        <p>{t('website.video.check.noVideo')}</p>
      ) : detail.canCheck ? (
        <CheckForm pageId={pageId} videoFileId={detail.video.fileId} />
      ) : (
        <p>{t('website.video.check.otherEditor')}</p>
      )}
    </section>
  );
}

function CheckForm({ pageId, videoFileId }: { pageId: string; videoFileId: string }) {
  const { t } = useTranslation();
  const check = useVideoCheck(pageId);
  const [confirmed, setConfirmed] = useState(false);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) {
      setMissing(true);
      return;
    }
    check.mutate(videoFileId);
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('website.video.check.intro')}</p>
      {check.error ? <ActionProblem error={check.error} /> : null}
      <CheckboxField
        id="site-video-check-confirmed"
        label={t('website.video.check.statement')}
        checked={confirmed}
        error={missing ? t('website.video.check.tick') : undefined}
        onChange={(event) => {
          setConfirmed(event.target.checked);
          setMissing(false);
        }}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={check.isPending}>
          {t('website.video.check.submit')}
        </button>
      </FormActions>
    </form>
  );
}
