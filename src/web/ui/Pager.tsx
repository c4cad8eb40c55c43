import { useTranslation } from 'react-i18next';

/**
 * Previous/next pagination with the position announced in words. With `resultsHeadingId`, a page
 * change takes the reader back to the top of the results (focus and view on that heading, which
 * needs tabIndex -1), instead of leaving them at the foot of a page that is no longer there.
 */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  label,
  resultsHeadingId,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label: string;
  resultsHeadingId?: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (to: number) => {
    onPage(to);
    if (!resultsHeadingId) return;
    const heading = document.getElementById(resultsHeadingId);
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  };
  return (
    <nav className="pagination-wrapper d-flex align-items-center gap-3 mt-3" aria-label={label}>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={page <= 1}
        onClick={() => go(page - 1)}
      >
        {t('pager.previous')}
      </button>
      <span aria-live="polite">{t('pager.position', { page, pages, total, count: total })}</span>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={page >= pages}
        onClick={() => go(page + 1)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
