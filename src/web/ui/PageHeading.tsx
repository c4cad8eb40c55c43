import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPageShown = false;

/**
 * The page's h1. It also sets document.title and, after a client-side navigation, moves focus to the
 * heading so screen-reader users hear that the page changed (the first load keeps the browser's focus).
 */
export function PageHeading({
  title,
  documentTitle,
  children,
}: {
  title: string;
  /** When the browser tab should say more than the heading (e.g. the active sub-page). */
  documentTitle?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${documentTitle ?? title} · ${t('app.name')}`;
  }, [title, documentTitle, t]);

  useEffect(() => {
    if (firstPageShown) ref.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <div className="mb-4">
      <h1 ref={ref} tabIndex={-1} className="h2">
        {title}
      </h1>
      {children}
    </div>
  );
}
