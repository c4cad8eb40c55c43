import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_LANGUAGES, type TSiteLanguage } from '../../../contracts/website.js';
import {
  type TVideoDetail,
  type TVideoTrackKind,
  VIDEO_TRACK_KINDS,
} from '../../../contracts/website-videos.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { TrackEditor } from './TrackEditor.js';
import { trackOf } from './video-forms.js';
import { useLanguageInSentence } from './website-words.js';

interface Open {
  lang: TSiteLanguage;
  kind: TVideoTrackKind;
}

/**
 * The text tracks of the video, ten languages by three kinds: for each, how many cues it has and
 * when it last changed, or that it is missing; "Edit" opens the track's WebVTT text below the table.
 */
export function VideoTracks({ pageId, detail }: { pageId: string; detail: TVideoDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const language = useLanguageInSentence();
  const [open, setOpen] = useState<Open | null>(null);
  const [deleted, setDeleted] = useState<Open | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const close = (wasDeleted?: boolean) => {
    setDeleted(wasDeleted ? open : null);
    setOpen(null);
    // Back to the button that opened the editor, so the keyboard stays where it was.
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <section aria-labelledby="site-video-tracks-heading" className="mb-5">
      <h3 id="site-video-tracks-heading" className="h5">
        {t('website.video.tracks.title')}
      </h3>
      <p className="mb-2">{t('website.video.tracks.intro')}</p>
      <ul className="small">
        {VIDEO_TRACK_KINDS.map((kind) => (
          <li key={kind}>
            <span className="fw-semibold">{t(`website.video.tracks.kinds.${kind}`)}</span>:{' '}
            {t(`website.video.tracks.kindHelp.${kind}`)}
          </li>
        ))}
      </ul>
      <p className={deleted ? 'small' : 'visually-hidden'} role="status">
        {deleted
          ? t('website.video.tracks.deleted', {
              kind: t(`website.video.tracks.kinds.${deleted.kind}`),
              language: language(deleted.lang),
            })
          : ''}
      </p>
      <DataTable className="table-sm" caption={t('website.video.tracks.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('website.video.tracks.language')}</th>
            {VIDEO_TRACK_KINDS.map((kind) => (
              <th key={kind} scope="col">
                {t(`website.video.tracks.kinds.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SITE_LANGUAGES.map((lang) => (
            <tr key={lang}>
              <th scope="row">{t(`website.languages.${lang}`)}</th>
              {VIDEO_TRACK_KINDS.map((kind) => {
                const track = trackOf(detail, lang, kind);
                const isOpen = open?.lang === lang && open.kind === kind;
                return (
                  <td key={kind}>
                    <span className="d-block">
                      {track
                        ? t(`website.video.tracks.cues.${kind}`, { count: track.cueCount })
                        : t('website.video.tracks.missing')}
                    </span>
                    {track && (
                      <span className="d-block small">
                        {t('website.video.tracks.updated', {
                          at: formatDateTime(track.updatedAt, locale),
                          by: track.updatedBy,
                        })}
                      </span>
                    )}
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm mt-1"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? 'site-video-track-editor' : undefined}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        setDeleted(null);
                        setOpen({ lang, kind });
                      }}
                    >
                      {track ? t('website.video.tracks.edit') : t('website.video.tracks.write')}
                      <span className="visually-hidden">
                        {' '}
                        {t('website.video.tracks.named', {
                          kind: t(`website.video.tracks.kindsInSentence.${kind}`),
                          language: language(lang),
                        })}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {open && (
        <TrackEditor
          key={`${open.lang}-${open.kind}`}
          pageId={pageId}
          lang={open.lang}
          kind={open.kind}
          exists={Boolean(trackOf(detail, open.lang, open.kind))}
          onClose={close}
        />
      )}
    </section>
  );
}
