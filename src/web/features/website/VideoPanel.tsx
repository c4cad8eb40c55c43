import { useTranslation } from 'react-i18next';
import { type TVideoBlocker, type TVideoDetail, VIDEO_BLOCKERS } from '../../../contracts/website-videos.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { VideoCheck } from './VideoCheck.js';
import { VideoPoster } from './VideoPoster.js';
import { VideoReleases } from './VideoReleases.js';
import { VideoSettingsForm } from './VideoSettingsForm.js';
import { VideoTracks } from './VideoTracks.js';
import { VideoFileSection } from './VideoUploader.js';
import { useVideo } from './video-api.js';

/**
 * A chapter of the good-practice video manual (a page of kind `video`): what still stops it from
 * going public, its place in the manual, the video and its poster, the text tracks in the ten
 * languages, the releases of the people filmed and the second editor's check.
 */
export function VideoPanel({ pageId }: { pageId: string }) {
  const { t } = useTranslation();
  const video = useVideo(pageId);
  return (
    <section aria-labelledby="site-video-heading" className="mb-5">
      <h2 id="site-video-heading" className="h4">
        {t('website.video.title')}
      </h2>
      <p>{t('website.video.intro')}</p>
      <AsyncContent query={video}>
        {(detail) => (
          <>
            <VideoBlockers blockers={detail.blockers} />
            <VideoSections pageId={pageId} detail={detail} />
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function VideoSections({ pageId, detail }: { pageId: string; detail: TVideoDetail }) {
  return (
    <>
      <VideoSettingsForm pageId={pageId} settings={detail.settings} />
      <VideoFileSection pageId={pageId} video={detail.video} />
      <VideoPoster pageId={pageId} poster={detail.poster} />
      <VideoTracks pageId={pageId} detail={detail} />
      <VideoReleases pageId={pageId} releases={detail.releases} />
      <VideoCheck pageId={pageId} detail={detail} />
    </>
  );
}

/** What is still missing before the chapter can be published, in words; or that nothing is. */
function VideoBlockers({ blockers }: { blockers: readonly TVideoBlocker[] }) {
  const { t } = useTranslation();
  const pending = VIDEO_BLOCKERS.filter((b) => blockers.includes(b));
  return (
    <div role="status" className="mb-4">
      {pending.length === 0 ? (
        <div className="alert alert-success mb-0">{t('website.video.blockers.none')}</div>
      ) : (
        <div className="alert alert-warning mb-0">
          <p className="fw-semibold mb-1">{t('website.video.blockers.title')}</p>
          <ul className="mb-0">
            {pending.map((b) => (
              <li key={b}>{t(`website.video.blockers.${b}`)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
