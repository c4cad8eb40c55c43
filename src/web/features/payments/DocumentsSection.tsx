import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRentRequest } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useNotice } from '../households/notice.js';
import { documentLink, useAddDocument } from './payments-api.js';
import { StepUpReason } from './StepUpReason.js';

type TDocument = TRentRequest['documents'][number];

/** What a file's type is, in words (its name is sealed: a lease names the apartment and the landlord). */
function kindOf(contentType: string | undefined) {
  if (!contentType) return 'other';
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('text/')) return 'text';
  if (/spreadsheet|excel|csv/.test(contentType)) return 'spreadsheet';
  if (/word|opendocument\.text/.test(contentType)) return 'document';
  return 'other';
}

/**
 * The request's supporting documents: stored sealed, listed by kind and date, opened through a
 * single-use link after a reason and a recent step-up; a new one added while the request stands.
 */
export function DocumentsSection({ request }: { request: TRentRequest }) {
  const { t } = useTranslation();
  const [notice, say] = useNotice();
  const open = request.status !== 'refused' && request.status !== 'cancelled';
  return (
    <section aria-labelledby="rent-request-documents" className="mb-4">
      <h2 id="rent-request-documents" className="h4">
        {t('payments.documents.title')}
      </h2>
      <p className="small">{t('payments.documents.intro')}</p>
      {request.documents.length === 0 ? (
        <p>{t('payments.documents.empty')}</p>
      ) : (
        <ul className="list-unstyled">
          {request.documents.map((doc, i) => (
            <DocumentItem key={doc.id} doc={doc} position={i + 1} />
          ))}
        </ul>
      )}
      {notice}
      {open && <UploadForm requestId={request.id} onDone={() => say(t('payments.documents.added'))} />}
    </section>
  );
}

function DocumentItem({ doc, position }: { doc: TDocument; position: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [asking, setAsking] = useState(false);
  const name =
    doc.name ??
    t('payments.documents.sealedName', {
      position,
      kind: t(`payments.documents.kind.${kindOf(doc.contentType)}`),
    });
  return (
    <li className="mb-2">
      <span className="d-block">
        {name} · {t('payments.documents.addedAt', { date: formatDateTime(doc.addedAt, locale) })}
      </span>
      {!asking && (
        <button
          type="button"
          className="btn btn-outline-primary btn-xs mt-1"
          aria-label={t('payments.documents.openNamed', { name })}
          onClick={() => setAsking(true)}
        >
          {t('payments.documents.open')}
        </button>
      )}
      {asking && (
        <StepUpReason
          id={`rent-document-${doc.id}`}
          label={t('payments.documents.reason')}
          hint={t('payments.documents.reasonHint')}
          submitLabel={t('payments.documents.openSubmit')}
          run={(reason) => documentLink({ fileId: doc.id, reason })}
          onDone={(link) => {
            setAsking(false);
            window.location.assign(link.url);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </li>
  );
}

function UploadForm({ requestId, onDone }: { requestId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddDocument(requestId);
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    add.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = '';
        onDone();
      },
    });
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card shadow-sm p-3 my-3"
      aria-labelledby="rent-upload-title"
    >
      <h3 id="rent-upload-title" className="h6">
        {t('payments.documents.addTitle')}
      </h3>
      {add.error ? <ActionProblem error={add.error} /> : null}
      <div className="form-group">
        <label htmlFor="rent-upload-file" className="active">
          {t('payments.documents.file')}
        </label>
        <input
          ref={input}
          id="rent-upload-file"
          type="file"
          className={`form-control${missing ? ' is-invalid' : ''}`}
          aria-describedby={`rent-upload-file-hint${missing ? ' rent-upload-file-error' : ''}`}
          aria-invalid={missing || undefined}
        />
        <small id="rent-upload-file-hint" className="form-text d-block">
          {t('payments.documents.fileHint')}
        </small>
        {missing && (
          <div id="rent-upload-file-error" className="invalid-feedback d-block" role="alert">
            {t('payments.documents.fileMissing')}
          </div>
        )}
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={add.isPending}>
          {t('payments.documents.addSubmit')}
        </button>
      </FormActions>
    </form>
  );
}
