import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVideoFile } from '../../../contracts/website-videos.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { FileInput, StoredFile } from './VideoFiles.js';
import { usePosterUpload } from './video-api.js';

const POSTER_TYPES = 'image/png,image/jpeg,image/webp';

/** The image shown before the video plays: the one stored, and a new one sent as a form. */
export function VideoPoster({ pageId, poster }: { pageId: string; poster: TVideoFile | null }) {
  const { t } = useTranslation();
  const upload = usePosterUpload(pageId);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [round, setRound] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        setRound((n) => n + 1);
      },
    });
  };
  return (
    <section aria-labelledby="site-video-poster-heading" className="mb-5">
      <h3 id="site-video-poster-heading" className="h5">
        {t('website.video.poster.title')}
      </h3>
      <p>{t('website.video.poster.intro')}</p>
      {poster ? (
        <StoredFile file={poster} what="poster" downloadLabel={t('website.video.poster.download')} />
      ) : (
        <p>{t('website.video.poster.none')}</p>
      )}
      <form onSubmit={submit} noValidate>
        {upload.error ? <ActionProblem error={upload.error} /> : null}
        {upload.isSuccess && (
          <div className="alert alert-success" role="status">
            {t('website.video.poster.saved')}
          </div>
        )}
        <FileInput
          key={round}
          id="site-video-poster"
          label={t(poster ? 'website.video.poster.chooseReplacement' : 'website.video.poster.choose')}
          hint={t('website.video.poster.chooseHint')}
          error={missing ? t('website.video.poster.missing') : undefined}
          accept={POSTER_TYPES}
          required
          onFile={(chosen) => {
            setFile(chosen);
            setMissing(false);
            upload.reset();
          }}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
            {t('website.video.poster.upload')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
