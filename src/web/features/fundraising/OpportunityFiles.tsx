import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOpportunity } from '../../../contracts/fundraising.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useAttachFile, useFileLink } from './fundraising-api.js';

/** The opportunity's documents: each opens through a single-use link; a new one is uploaded here. */
export function FilesSection({ o }: { o: TOpportunity }) {
  const { t } = useTranslation();
  const attach = useAttachFile(o.id);
  const link = useFileLink();
  const [file, setFile] = useState<File | null>(null);
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading" className="h4">
        {t('fundraising.opportunity.files')}
      </h2>
      {o.files.length === 0 ? (
        <p>{t('fundraising.opportunity.noFiles')}</p>
      ) : (
        <ul>
          {o.files.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="btn btn-link p-0"
                onClick={() =>
                  link.mutate(f.id, {
                    onSuccess: ({ url }) => {
                      window.location.assign(url);
                    },
                  })
                }
              >
                {f.fileName ?? t('fundraising.opportunity.file')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) attach.mutate(file);
        }}
      >
        <div className="col-12 col-md-6">
          <label htmlFor="opportunity-file" className="form-label">
            {t('fundraising.opportunity.upload')}
          </label>
          <input
            id="opportunity-file"
            type="file"
            className="form-control"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="col-12 col-md-3">
          <button type="submit" className="btn btn-outline-primary" disabled={!file || attach.isPending}>
            {t('fundraising.opportunity.attach')}
          </button>
        </div>
      </form>
      {attach.isError && <ProblemAlert error={attach.error} className="mt-2" />}
      {link.isError && <ProblemAlert error={link.error} className="mt-2" />}
    </section>
  );
}
