import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
import { ReasonForm } from '../../ui/forms/ReasonForm.js';

/**
 * The review of one emergency access: who reviewed it and when, or, for the DPO and an access
 * someone else opened, the button that opens the review (an optional note) and records it.
 */
export function GrantReview({ grant }: { grant: TBreakGlassGrant }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const review = useMutation({
    mutationFn: (note: string) =>
      api(`/api/break-glass/${grant.id}/review`, {
        method: 'POST',
        body: note ? { note } : {},
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
  if (!open)
    return (
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
        {t('breakGlass.review.submit')}
      </button>
    );
  return (
    <ReasonForm
      id={`review-note-${grant.id}`}
      label={t('breakGlass.review.note')}
      schema={ZBreakGlassReviewSchema.shape.note}
      name="note"
      optional
      tone="primary"
      submitLabel={t('breakGlass.review.submit')}
      pending={review.isPending}
      error={review.error}
      onSubmit={(note) => review.mutate(note)}
      onCancel={() => {
        review.reset();
        setOpen(false);
      }}
    />
  );
}
