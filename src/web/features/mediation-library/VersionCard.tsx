import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TMaterialVersion, ZReviewInputSchema } from '../../../contracts/mediation-library.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { useDraftEdit, useVersionReview, useVersionSubmit, versionPdfUrl } from './library-api.js';
import { directionOf } from './library-words.js';
import { VersionForm } from './VersionForm.js';

const COMMENT_MAX = maxLengthOf(ZReviewInputSchema.shape.comment);

/**
 * One version of a material: its state and people, its text in its own language and direction,
 * and what the viewer may do with it — download it once approved, edit or send a draft for review
 * (those who write), approve or return it (the mediation coordinator; the server refuses the
 * author, and its words are shown).
 */
export function VersionCard({
  materialId,
  version,
  languageName,
}: {
  materialId: string;
  version: TMaterialVersion;
  languageName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const edit = useDraftEdit(materialId, version.id);
  const submit = useVersionSubmit(materialId);
  const headingId = `version-${version.id}`;
  const text = { lang: version.language, dir: directionOf(version.rtl) };
  return (
    <article className="card shadow-sm p-3 mb-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="h6 mb-1">
        {t('mediationLibrary.version.heading', {
          number: version.version,
          status: t(`mediationLibrary.statuses.${version.status}`),
        })}
      </h3>
      <p className="small mb-2">
        {t('mediationLibrary.version.writtenBy', {
          author: version.authorName,
          date: formatDateTime(version.createdAt, locale),
        })}
        {version.approvedAt && (
          <>
            <br />
            {t('mediationLibrary.version.approvedBy', {
              reviewer: version.reviewerName ?? '—',
              date: formatDateTime(version.approvedAt, locale),
            })}
          </>
        )}
      </p>
      {version.reviewComment && (
        <p className="small">
          <strong>{t('mediationLibrary.version.comment')}</strong> {version.reviewComment}
        </p>
      )}
      {editing ? (
        <EditorCard
          id={`edit-${version.id}`}
          title={t('mediationLibrary.version.editTitle', { language: languageName })}
        >
          <VersionForm
            defaultValues={{ language: version.language, title: version.title, body: version.body }}
            languageFixed
            submitLabel={t('common.save')}
            error={edit.error}
            onSubmit={async (values) => {
              await edit.mutateAsync({ title: values.title.trim(), body: values.body.trim() });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </EditorCard>
      ) : (
        <div className="border rounded p-3 mb-3 bg-light" {...text}>
          <p className="fw-bold mb-2">{version.title}</p>
          <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
            {version.body}
          </p>
        </div>
      )}
      <div className="d-flex flex-wrap gap-2">
        {version.status === 'approved' && (
          <a className="btn btn-outline-primary btn-sm" href={versionPdfUrl(version.id)} download>
            {t('mediationLibrary.version.pdf', { language: languageName })}
          </a>
        )}
        {version.status === 'draft' && can('mediation.library.write') && !editing && (
          <>
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
              {t('mediationLibrary.version.edit', { language: languageName })}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={submit.isPending}
              onClick={() => submit.mutate(version.id)}
            >
              {t('mediationLibrary.version.submit')}
            </button>
          </>
        )}
      </div>
      {submit.error ? <ActionProblem error={submit.error} className="mt-3" /> : null}
      {version.status === 'in_review' && can('mediation.coordinate') && (
        <ReviewPanel materialId={materialId} version={version} languageName={languageName} />
      )}
    </article>
  );
}

/** Approve (retiring the version in use in the language) or return to the author with a comment. */
function ReviewPanel({
  materialId,
  version,
  languageName,
}: {
  materialId: string;
  version: TMaterialVersion;
  languageName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const review = useVersionReview(materialId);
  const [comment, setComment] = useState('');
  const commentError = serverFieldError(review.error, locale, 'comment');
  const decide = (decision: 'approve' | 'return') =>
    review.mutate({ versionId: version.id, body: { decision, comment: comment.trim() || null } });
  return (
    <section className="mt-3 border-top pt-3" aria-labelledby={`review-${version.id}`}>
      <h4 id={`review-${version.id}`} className="h6">
        {t('mediationLibrary.review.title', { language: languageName })}
      </h4>
      <p className="small">{t('mediationLibrary.review.intro')}</p>
      {review.error && !commentError ? <ActionProblem error={review.error} /> : null}
      <TextAreaField
        id={`review-${version.id}-comment`}
        label={t('mediationLibrary.review.comment')}
        hint={t('mediationLibrary.review.commentHint')}
        rows={2}
        maxLength={COMMENT_MAX}
        value={comment}
        error={commentError}
        onChange={(e) => setComment(e.target.value)}
      />
      <FormActions>
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={review.isPending}
          onClick={() => decide('approve')}
        >
          {t('mediationLibrary.review.approve')}
        </button>
        <button
          type="button"
          className="btn btn-outline-danger btn-sm"
          disabled={review.isPending}
          onClick={() => decide('return')}
        >
          {t('mediationLibrary.review.return')}
        </button>
      </FormActions>
    </section>
  );
}
