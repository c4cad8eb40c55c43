import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { MediaCard } from './MediaCard.js';
import { MediaUploadForm } from './MediaUploadForm.js';
import { useMediaList } from './media-api.js';

/**
 * The website's media library: images uploaded by editors, each with the code that puts it in a
 * page's text, its alternative text per language, the pages that show it; a new one.
 */
export function MediaPage() {
  const { t } = useTranslation();
  const media = useMediaList();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to="/website">{t('website.page.back')}</Link>
      </p>
      <PageHeading title={t('website.media.title')}>
        <p className="mb-0">{t('website.media.intro')}</p>
      </PageHeading>
      <MediaUploadForm onUploaded={() => setDeleted(null)} />
      <section aria-labelledby="media-list-heading">
        <h2 id="media-list-heading" ref={listHeading} tabIndex={-1} className="h4 mb-3">
          {t('website.media.list.title')}
        </h2>
        <div role="status">
          {deleted !== null && (
            <p className="alert alert-success">{t('website.media.list.deleted', { name: deleted })}</p>
          )}
        </div>
        <AsyncContent query={media}>
          {(items) =>
            items.length === 0 ? (
              <p>{t('website.media.list.empty')}</p>
            ) : (
              <ul className="list-unstyled mb-0">
                {items.map((item) => (
                  <li key={item.id} className="mb-3">
                    <MediaCard
                      media={item}
                      onDeleted={(name) => {
                        // The card is gone: focus goes to the list's heading, under which the news is.
                        setDeleted(name);
                        listHeading.current?.focus();
                      }}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </AsyncContent>
      </section>
    </>
  );
}
