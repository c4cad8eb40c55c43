import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import type { TMedia } from '../../../contracts/website-media.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { MediaAltsEditor } from './MediaAltsEditor.js';
import { MediaInsertCode } from './MediaInsertCode.js';
import { mediaPreviewSrc, useMediaDelete } from './media-api.js';
import { altLanguages, listInWords, previewSize } from './media-forms.js';
import { useLanguageInSentence } from './website-words.js';

/**
 * One image of the library: its thumbnail and facts in words, the code for a page's text, its
 * alternative texts (opened in place) and its deletion (confirmed first).
 */
export function MediaCard({ media, onDeleted }: { media: TMedia; onDeleted: (name: string) => void }) {
  const { t } = useTranslation();
  const remove = useMediaDelete(media.id);
  const [panel, setPanel] = useState<'alts' | 'delete' | null>(null);
  const [altsSaved, setAltsSaved] = useState(false);
  const altsButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLButtonElement | null>(null);
  const headingId = `media-${media.id}-name`;
  const named = { name: media.name };
  const thumb = previewSize(media.width, media.height);

  // The confirmation takes the focus when it opens; when a panel closes, focus goes back to the
  // button that opened it (the panel is gone).
  useEffect(() => {
    if (panel === 'delete') confirmBox.current?.focus();
    if (panel === null) returnTo.current?.focus();
    returnTo.current = null;
  }, [panel]);

  const close = (back: HTMLButtonElement | null) => {
    returnTo.current = back;
    setPanel(null);
  };

  return (
    <article aria-labelledby={headingId} className="card shadow-sm p-3">
      <div className="row g-3">
        <div className="col-sm-4 col-lg-3">
          <img
            src={mediaPreviewSrc(media.id)}
            alt={media.alts.it ?? ''}
            width={thumb.width}
            height={thumb.height}
            loading="lazy"
            className="img-fluid rounded border"
          />
        </div>
        <div className="col-sm-8 col-lg-9">
          <h3 id={headingId} className="h5 text-break">
            {media.name}
          </h3>
          <MediaFacts media={media} />
          <MediaInsertCode media={media} />
          <div className="d-flex flex-wrap gap-2">
            <button
              ref={altsButton}
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-label={t('website.media.alts.openNamed', named)}
              aria-expanded={panel === 'alts'}
              onClick={() => {
                setAltsSaved(false);
                if (panel === 'alts') close(altsButton.current);
                else setPanel('alts');
              }}
            >
              {t('website.media.alts.open')}
            </button>
            <button
              ref={deleteButton}
              type="button"
              className="btn btn-outline-danger btn-sm"
              aria-label={t('website.media.delete.named', named)}
              disabled={remove.isPending}
              onClick={() => {
                remove.reset();
                setAltsSaved(false);
                setPanel('delete');
              }}
            >
              {t('website.media.delete.button')}
            </button>
          </div>
          <div role="status">
            {altsSaved && <p className="text-success small mt-2 mb-0">{t('website.media.alts.saved')}</p>}
          </div>
          {remove.error ? <ActionProblem error={remove.error} className="mt-3 mb-0" /> : null}
        </div>
      </div>
      {panel === 'alts' && (
        <MediaAltsEditor
          media={media}
          onDone={(saved) => {
            setAltsSaved(saved);
            close(altsButton.current);
          }}
        />
      )}
      {panel === 'delete' && (
        <div ref={confirmBox} tabIndex={-1} className="mt-3">
          <ConfirmPanel
            className="mb-0"
            message={t('website.media.delete.confirm', named)}
            confirmLabel={t('website.media.delete.confirmLabel')}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(undefined, {
                onSuccess: () => onDeleted(media.name),
                onError: () => close(deleteButton.current),
              })
            }
            onCancel={() => close(deleteButton.current)}
          />
        </div>
      )}
    </article>
  );
}

/** Size, alternative texts per language, the pages that show it, who uploaded it and when. */
function MediaFacts({ media }: { media: TMedia }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inSentence = useLanguageInSentence();
  const { written, missing } = altLanguages(media.alts);
  const total = SITE_LANGUAGES.length;
  return (
    <ul className="list-unstyled small mb-3">
      <li>{t('website.media.card.size', { width: media.width, height: media.height })}</li>
      <li>
        {missing.length === 0
          ? t('website.media.card.altsAll', { total })
          : t('website.media.card.alts', { count: written.length, total }) +
            t('website.media.card.missing', {
              count: missing.length,
              languages: listInWords(missing.map(inSentence), locale),
            })}
      </li>
      <li>
        {media.usedBy.length === 0
          ? t('website.media.card.unused')
          : t('website.media.card.usedIn', { titles: listInWords(media.usedBy, locale) })}
      </li>
      <li>
        {t('website.media.card.uploaded', {
          by: media.createdBy,
          at: formatDateTime(media.createdAt, locale),
        })}
      </li>
    </ul>
  );
}
