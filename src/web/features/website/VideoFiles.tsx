import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVideoFile } from '../../../contracts/website-videos.js';
import { useFileLink } from '../../api/file-link.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fileTypeName, megabytes } from './video-forms.js';

/** A file chooser with its label, hint and error tied to it, as the app's other fields are. */
export function FileInput({
  id,
  label,
  hint,
  error,
  accept,
  required,
  onFile,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  accept: string;
  required?: boolean;
  onFile: (file: File | null) => void;
}) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label d-block">
        {label}
        {required ? ' *' : ''}
      </label>
      <input
        id={id}
        type="file"
        className={`form-control${error ? ' is-invalid' : ''}`}
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onFile(event.target.files?.[0] ?? null)}
      />
      <small id={`${id}-hint`} className="form-text d-block">
        {hint}
      </small>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** Downloads a stored file through a single-use link (platform storage), as the rest of the app does. */
export function DownloadButton({ fileId, label }: { fileId: string; label: string }) {
  const link = useFileLink();
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={link.isPending}
        onClick={() => link.mutate(fileId, { onSuccess: ({ url }) => window.location.assign(url) })}
      >
        {label}
      </button>
      {link.error ? <ActionProblem error={link.error} className="mt-2" /> : null}
    </>
  );
}

/** The stored video or poster in words: format, size, who uploaded it and when; and its download. */
export function StoredFile({
  file,
  what,
  downloadLabel,
}: {
  file: TVideoFile;
  what: 'file' | 'poster';
  downloadLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
      <p className="mb-0">
        {t(`website.video.${what}.stored`, {
          type: fileTypeName(file.contentType),
          size: megabytes(file.sizeBytes, locale),
          by: file.uploadedBy,
          at: formatDateTime(file.uploadedAt, locale),
        })}
      </p>
      <DownloadButton fileId={file.fileId} label={downloadLabel} />
    </div>
  );
}
