import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_CLASSES,
  type TCaseDocument,
  type TCaseDocumentFields,
  type TDocumentAttachedKind,
  ZCaseDocumentFieldsSchema,
} from '../../../contracts/case-documents.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import {
  type DocumentScope,
  documentScopes,
  useAddDocument,
  useDocuments,
  useRemoveDocument,
} from './CaseDocumentApi.js';
import { useCaseSessions } from './cases-api.js';
import { useFileLink } from './court-api.js';

type Values = { documentClass: string; title: string; attachTo: string };
const toInput = (v: Values) => ({ documentClass: v.documentClass, title: v.title });
const resolver = contractResolver<Values>(ZCaseDocumentFieldsSchema, toInput);

/** A record a new document may be attached to, as the form offers it. */
export interface DocumentTarget {
  kind: TDocumentAttachedKind;
  id: string;
  label: string;
}

/**
 * Documents of a record (issue 22, item 6). Each opens through a link valid for one minute and one
 * use, asked for when clicked; the team adds documents to the records offered as targets (the server
 * checks the content and refuses what it is not).
 */
export function DocumentsSection({
  scope,
  targets,
  intro,
}: {
  scope: DocumentScope;
  /** Empty when the viewer may not add documents. */
  targets: DocumentTarget[];
  intro: string;
}) {
  const { t } = useTranslation();
  const documents = useDocuments(scope);
  return (
    <section aria-labelledby="documents-heading" className="mb-5">
      <h2 id="documents-heading" className="h4">
        {t('caseDocuments.title')}
      </h2>
      <p>{intro}</p>
      <AsyncContent query={documents}>
        {(list) => <CaseDocumentList scope={scope} documents={list} />}
      </AsyncContent>
      {targets.length > 0 && <CaseDocumentForm scope={scope} targets={targets} />}
    </section>
  );
}

/** The case's documents, its household's and its sessions'; the team attaches to any of them. */
export function CaseDocumentsSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sessions = useCaseSessions(data.id, data.can.edit);
  // The household is the one of the case's people (the team sees them).
  const householdId = data.members?.[0]?.householdId ?? null;
  const targets: DocumentTarget[] = data.can.edit
    ? [
        { kind: 'case', id: data.id, label: t('caseDocuments.attachedKinds.case') },
        ...(householdId
          ? [
              {
                kind: 'household' as const,
                id: householdId,
                label: t('caseDocuments.attachedKinds.household'),
              },
            ]
          : []),
        ...(sessions.data ?? []).map((s) => ({
          kind: 'session' as const,
          id: s.id,
          label: t('caseDocuments.sessionTarget', { date: formatDateTime(s.startsAt, locale) }),
        })),
      ]
    : [];
  return (
    <DocumentsSection
      scope={documentScopes.ofCase(data.id)}
      targets={targets}
      intro={t('caseDocuments.intro')}
    />
  );
}

function CaseDocumentList({ scope, documents }: { scope: DocumentScope; documents: TCaseDocument[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const link = useFileLink();
  const remove = useRemoveDocument(scope);
  if (documents.length === 0) return <p>{t('caseDocuments.none')}</p>;
  return (
    <>
      <DataTable className="table-sm" caption={t('caseDocuments.caption', { count: documents.length })}>
        <thead>
          <tr>
            <th scope="col">{t('caseDocuments.fields.title')}</th>
            <th scope="col">{t('caseDocuments.fields.documentClass')}</th>
            <th scope="col">{t('caseDocuments.fields.attachedTo')}</th>
            <th scope="col">{t('caseDocuments.fields.uploaded')}</th>
            <th scope="col">{t('caseDocuments.fields.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.title}
                <span className="d-block small text-muted">
                  {d.fileName ?? t('caseDocuments.unnamed')} ·{' '}
                  {t('caseDocuments.size', {
                    kb: formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), locale),
                  })}
                </span>
              </th>
              <td>{t(`caseDocuments.classes.${d.documentClass}`)}</td>
              <td>{t(`caseDocuments.attachedKinds.${d.attachedKind}`)}</td>
              <td>
                {formatDateTime(d.uploadedAt, locale)} · {d.uploadedBy}
              </td>
              <td>
                <div className="d-flex flex-wrap gap-2">
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    disabled={link.isPending}
                    onClick={() =>
                      link.mutate(d.fileId, { onSuccess: ({ url }) => window.location.assign(url) })
                    }
                  >
                    {t('caseDocuments.open', { title: d.title })}
                  </button>
                  {d.canDelete && (
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(t('caseDocuments.confirmRemove', { title: d.title })))
                          remove.mutate(d.id);
                      }}
                    >
                      {t('caseDocuments.remove', { title: d.title })}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {link.error ? <ActionProblem error={link.error} /> : null}
      {remove.error ? <ActionProblem error={remove.error} /> : null}
    </>
  );
}

function CaseDocumentForm({ scope, targets }: { scope: DocumentScope; targets: DocumentTarget[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileId = useId();
  const add = useAddDocument(scope);
  const [file, setFile] = useState<File | null>(null);
  const [added, setAdded] = useState(false);
  const form = useForm<Values>({
    resolver,
    defaultValues: { documentClass: '', title: '', attachTo: '0' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!file) return;
    setAdded(false);
    const target = targets[Number(values.attachTo)] ?? targets[0]!;
    try {
      await add.mutateAsync({
        kind: target.kind,
        id: target.id,
        fields: toInput(values) as TCaseDocumentFields,
        file,
      });
      form.reset();
      setFile(null);
      setAdded(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form className="mt-4" onSubmit={onSubmit} noValidate aria-labelledby="documents-add-heading">
      <h3 id="documents-add-heading" className="h5">
        {t('caseDocuments.add')}
      </h3>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <TextField
        id="document-title-field"
        label={t('caseDocuments.fields.title')}
        required
        maxLength={maxLengthOf(ZCaseDocumentFieldsSchema.shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...form.register('title')}
      />
      <SelectField
        id="document-class"
        label={t('caseDocuments.fields.documentClass')}
        placeholder={t('common.choose')}
        options={DOCUMENT_CLASSES.map((c) => ({ value: c, label: t(`caseDocuments.classes.${c}`) }))}
        required
        error={fieldErrorText(t, errors.documentClass)}
        {...form.register('documentClass')}
      />
      {targets.length > 1 && (
        <SelectField
          id="document-attach-to"
          label={t('caseDocuments.fields.attachedTo')}
          options={targets.map((target, index) => ({ value: String(index), label: target.label }))}
          {...form.register('attachTo')}
        />
      )}
      <div className="mb-4">
        <label htmlFor={fileId} className="form-label d-block">
          {t('caseDocuments.fields.file')}
        </label>
        <input
          id={fileId}
          type="file"
          className="form-control"
          aria-describedby={`${fileId}-hint`}
          accept=".pdf,.docx,.odt,.xlsx,.ods,.png,.jpg,.jpeg,.webp,.txt,.csv"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <small id={`${fileId}-hint`} className="form-text d-block">
          {t('caseDocuments.fileHint')}
        </small>
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={!file || isSubmitting}>
          {t('caseDocuments.upload')}
        </button>
      </FormActions>
      {added && (
        <p role="status" className="small mt-1">
          {t('caseDocuments.added')}
        </p>
      )}
    </form>
  );
}
