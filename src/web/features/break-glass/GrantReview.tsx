import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TBreakGlassGrant,
  ZBreakGlassGrantSchema,
  ZBreakGlassReviewSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { useCan, useSession } from '../../session/session.js';
import { formatDateTime } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

/**
 * The review of one emergency access: who reviewed it and when, or, for the DPO and an access
 * someone else opened, an optional note and the button that records the review.
 */
export function GrantReview({ grant }: { grant: TBreakGlassGrant }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: () =>
      api(`/api/break-glass/${grant.id}/review`, {
        method: 'POST',
        body: note.trim() ? { note: note.trim() } : {},
        schema: ZBreakGlassGrantSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });

  if (grant.review)
    return (
      <>
        {t('breakGlass.review.done', { by: grant.review.by, at: formatDateTime(grant.review.at, locale) })}
        {grant.review.note ? <span className="d-block small">{grant.review.note}</span> : null}
      </>
    );
  if (!can('break-glass.review') || grant.userId === session.user.id)
    return <>{t('breakGlass.review.pending')}</>;
  return (
    <div className="d-flex flex-column gap-2">
      {review.error ? <ProblemAlert error={review.error} /> : null}
      <label htmlFor={noteId} className="small mb-0">
        {t('breakGlass.review.note')}
      </label>
      <textarea
        id={noteId}
        className="form-control form-control-sm"
        rows={2}
        maxLength={maxLengthOf(ZBreakGlassReviewSchema.shape.note)}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={review.isPending}
        onClick={() => review.mutate()}
      >
        {t('breakGlass.review.submit')}
      </button>
    </div>
  );
}
