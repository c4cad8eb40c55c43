import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '../../../contracts/index.js';
import { type TPersonMerge, ZMergeRevertSchema } from '../../../contracts/person-merges.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDateTime } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { usePersonMerges, useRevertMerge } from './person-merges-api.js';

/**
 * The merges this record took part in: the duplicates it keeps, or the record it was merged into.
 * Shown only when there is one; the service that holds both records may undo a merge, with a reason.
 */
export function PersonMergesPanel({ person }: { person: TPerson }) {
  const merges = usePersonMerges(person.id);
  if (!merges.data?.length && !person.mergedIntoId) return null;
  return <AsyncContent query={merges}>{(list) => <MergesList person={person} merges={list} />}</AsyncContent>;
}

function MergesList({ person, merges }: { person: TPerson; merges: TPersonMerge[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="merges-heading" className="mb-4">
      <h3 id="merges-heading" className="h5 mb-3">
        {t('personMerges.panel.title')}
      </h3>
      <ul className="list-unstyled">
        {merges.map((m) => {
          const other = m.kept.id === person.id ? m.merged : m.kept;
          const text =
            m.kept.id === person.id
              ? t('personMerges.panel.keeps', {
                  name: other.name,
                  date: formatDateTime(m.mergedAt, locale),
                  by: m.mergedBy,
                })
              : t('personMerges.panel.mergedInto', {
                  name: other.name,
                  date: formatDateTime(m.mergedAt, locale),
                  by: m.mergedBy,
                });
          return (
            <li key={m.id} className="mb-3">
              <p className="mb-1">
                {text}{' '}
                <Link to="/households/$householdId" params={{ householdId: other.householdId }}>
                  {t('personMerges.page.household', { code: other.householdCode })}
                </Link>
              </p>
              <p className="mb-1 small">{t('personMerges.panel.reason', { reason: m.reason })}</p>
              {m.revertedAt ? (
                <p className="mb-0 small">
                  {t('personMerges.panel.reverted', {
                    date: formatDateTime(m.revertedAt, locale),
                    by: m.revertedBy,
                    reason: m.revertReason,
                  })}
                </p>
              ) : (
                m.canRevert && <RevertMerge merge={m} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RevertMerge({ merge }: { merge: TPersonMerge }) {
  const { t } = useTranslation();
  const canWrite = useCan()('households.write');
  const revert = useRevertMerge();
  const [open, setOpen] = useState(false);
  if (!canWrite) return null;
  return open ? (
    <ReasonForm
      id={`revert-${merge.id}`}
      label={t('personMerges.panel.revertReason')}
      hint={t('personMerges.panel.revertHint')}
      schema={ZMergeRevertSchema.shape.reason}
      submitLabel={t('personMerges.panel.revert')}
      pending={revert.isPending}
      error={revert.error}
      onSubmit={(reason) => revert.mutate({ mergeId: merge.id, reason }, { onSuccess: () => setOpen(false) })}
      onCancel={() => {
        revert.reset();
        setOpen(false);
      }}
    />
  ) : (
    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setOpen(true)}>
      {t('personMerges.panel.revert')}
    </button>
  );
}
