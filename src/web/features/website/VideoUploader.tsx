import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVideoFile } from '../../../contracts/website-videos.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useVideoUpload } from './useVideoUpload.js';
import { FileInput, StoredFile } from './VideoFiles.js';

const VIDEO_TYPES = 'video/mp4,video/webm';

/**
 * The chapter's video: the one stored, and the upload of a new one in resumable pieces, with its
 * progress, Pause/Resume and Cancel. A new video takes the chapter back to draft and asks for the
 * check again.
 */
export function VideoFileSection({ pageId, video }: { pageId: string; video: TVideoFile | null }) {
  const { t } = useTranslation();
  const upload = useVideoUpload(pageId);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  // A new file input after each upload, so the chooser is empty again.
  const [round, setRound] = useState(0);
  const busy = upload.phase === 'uploading' || upload.phase === 'paused' || upload.phase === 'attaching';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setRound((n) => n + 1);
    setFile(null);
    void upload.start(file);
  };
  return (
    <section aria-labelledby="site-video-file-heading" className="mb-5">
      <h3 id="site-video-file-heading" className="h5">
        {t('website.video.file.title')}
      </h3>
      {video ? (
        <StoredFile file={video} what="file" downloadLabel={t('website.video.file.download')} />
      ) : (
        <p>{t('website.video.file.none')}</p>
      )}
      {upload.phase !== 'idle' && <UploadProgress upload={upload} />}
      {!busy && (
        <form onSubmit={submit} noValidate>
          <FileInput
            key={round}
            id="site-video-file"
            label={t(video ? 'website.video.file.chooseReplacement' : 'website.video.file.choose')}
            hint={t('website.video.file.chooseHint')}
            error={missing ? t('website.video.file.missing') : undefined}
            accept={VIDEO_TYPES}
            required
            onFile={(chosen) => {
              setFile(chosen);
              setMissing(false);
            }}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary">
              {t('website.video.file.upload')}
            </button>
          </FormActions>
        </form>
      )}
    </section>
  );
}

/** How far the upload is, in a bar and in words, and what can be done with it now. */
function UploadProgress({ upload }: { upload: ReturnType<typeof useVideoUpload> }) {
  const { t } = useTranslation();
  const { phase, percent, fileName } = upload;
  const sending = phase === 'uploading' || phase === 'paused';
  return (
    <div className="border rounded p-3 mb-3">
      <p className="mb-2 text-break">{t('website.video.file.uploadingName', { name: fileName })}</p>
      {phase !== 'done' && (
        <div className="d-flex align-items-center gap-2 mb-2">
          <div
            className="progress flex-grow-1"
            role="progressbar"
            aria-label={t('website.video.file.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t('website.video.file.percent', { percent })}
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <span className="fw-semibold text-nowrap" aria-hidden="true">
            {t('website.video.file.percent', { percent })}
          </span>
        </div>
      )}
      <p className="small mb-2" role="status">
        {t(`website.video.file.phases.${phase}`)}
      </p>
      {phase === 'failed' && upload.error ? <ActionProblem error={upload.error} /> : null}
      {(sending || phase === 'failed') && (
        <FormActions>
          {phase === 'uploading' ? (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={upload.pause}>
              {t('website.video.file.pause')}
            </button>
          ) : (
            <button type="button" className="btn btn-primary btn-sm" onClick={upload.resume}>
              {t(phase === 'failed' ? 'website.video.file.retry' : 'website.video.file.resume')}
            </button>
          )}
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={upload.cancel}>
            {t('website.video.file.cancel')}
          </button>
        </FormActions>
      )}
    </div>
  );
}
