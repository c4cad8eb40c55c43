import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MERGE_REASON_MAX,
  type TDuplicatePair,
  type TDuplicatePerson,
  ZMergeRevertSchema,
} from '../../../contracts/person-merges.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDay } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useDuplicates, useMerge } from './person-merges-api.js';

/**
 * People of the service's households who look like one person registered twice, strongest first.
 * The operator chooses which record to keep and says why; the other one stays, read-only, and the
 * merge can be undone from either person's panel. A pair that must never be merged says why.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const duplicates = useDuplicates();
  return (
    <>
      <PageHeading title={t('personMerges.page.title')}>
        <p className="mb-0">{t('personMerges.page.intro')}</p>
      </PageHeading>
      <AsyncContent query={duplicates}>
        {(pairs) =>
          pairs.length === 0 ? (
            <p>{t('personMerges.page.none')}</p>
          ) : (
            <ul className="list-unstyled">
              {pairs.map((pair) => (
                <PairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} />
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </>
  );
}

function PersonLine({ person }: { person: TDuplicatePerson }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <strong>
        {person.givenName} {person.familyName}
      </strong>{' '}
      ({t(`enums.caseRole.${person.caseRole}`)},{' '}
      {person.birthDate
        ? formatDay(person.birthDate, locale)
        : (person.birthYear ?? t('personMerges.page.noBirth'))}
      ) ·{' '}
      <Link to="/households/$householdId" params={{ householdId: person.householdId }}>
        {t('personMerges.page.household', { code: person.householdCode })}
      </Link>
    </>
  );
}

function PairCard({ pair }: { pair: TDuplicatePair }) {
  const { t } = useTranslation();
  const merge = useMerge();
  const [keep, setKeep] = useState<TDuplicatePerson | null>(null);
  const other = keep?.id === pair.a.id ? pair.b : pair.a;
  const headingId = `pair-${pair.a.id}-${pair.b.id}`;
  return (
    <li className="card mb-3">
      <section className="card-body" aria-labelledby={headingId}>
        <h2 id={headingId} className="h5">
          {t('personMerges.page.pairTitle', {
            a: `${pair.a.givenName} ${pair.a.familyName}`,
            b: `${pair.b.givenName} ${pair.b.familyName}`,
          })}
        </h2>
        <ul>
          <li>
            <PersonLine person={pair.a} />
          </li>
          <li>
            <PersonLine person={pair.b} />
          </li>
        </ul>
        <p className="mb-2">
          {t('personMerges.page.why', {
            signs: pair.signs.map((s) => t(`personMerges.signs.${s}`)).join(', '),
          })}
        </p>
        {pair.blockedBy ? (
          <p className="mb-0 fw-semibold">{t(`personMerges.blocks.${pair.blockedBy}`)}</p>
        ) : keep ? (
          <ReasonForm
            id={`merge-reason-${headingId}`}
            label={t('personMerges.page.reason')}
            hint={t('personMerges.page.reasonHint', {
              kept: `${keep.givenName} ${keep.familyName} (${keep.householdCode})`,
              merged: `${other.givenName} ${other.familyName} (${other.householdCode})`,
              max: MERGE_REASON_MAX,
            })}
            schema={ZMergeRevertSchema.shape.reason}
            submitLabel={t('personMerges.page.merge')}
            tone="primary"
            pending={merge.isPending}
            error={merge.error}
            onSubmit={(reason) => merge.mutate({ keptId: keep.id, mergedPersonId: other.id, reason })}
            onCancel={() => {
              merge.reset();
              setKeep(null);
            }}
          />
        ) : (
          <div className="d-flex flex-wrap gap-2">
            {[pair.a, pair.b].map((person) => (
              <button
                key={person.id}
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => setKeep(person)}
              >
                {t('personMerges.page.keep', {
                  name: `${person.givenName} ${person.familyName}`,
                  code: person.householdCode,
                })}
              </button>
            ))}
          </div>
        )}
      </section>
    </li>
  );
}
