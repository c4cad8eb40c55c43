import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An address shown once (an external participant's link, a calendar feed): read-only, selectable,
 * with a button that copies it and says so.
 */
export function CopyLink({
  id,
  label,
  url,
  note,
}: {
  id: string;
  label: string;
  url: string;
  note?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="alert alert-success" role="status">
      {note && <p className="mb-2">{note}</p>}
      <label htmlFor={id} className="fw-semibold d-block mb-1">
        {label}
      </label>
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <input
          id={id}
          className="form-control flex-grow-1"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          style={{ minWidth: 0 }}
        />
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={copy}>
          {t('courses.copy')}
        </button>
      </div>
      {copied && <p className="small mt-2 mb-0">{t('courses.copied')}</p>}
    </div>
  );
}
