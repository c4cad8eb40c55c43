import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIATION_LIMITS, type TMatch, type TRequest } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { SelectField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useMatches, useRequestActions } from './mediation-api.js';
import { reasonText } from './mediation-words.js';

/**
 * The suitable mediators, best first, each with the reasons of its rank (those excluded never
 * appear). The mediation coordinator assigns one, or offers the request to the first few: the first
 * to accept gets it. The API refuses anyone whose queue the request is not in, in its own words.
 */
export function MatchesSection({ request, coordinator }: { request: TRequest; coordinator: boolean }) {
  const { t } = useTranslation();
  const matches = useMatches(request.id, true);
  const actions = useRequestActions(request.id);
  const error = actions.assign.error ?? actions.offer.error;
  return (
    <section aria-labelledby="request-matches" className="mb-4">
      <h2 id="request-matches" className="h4">
        {t('mediation.matches.title')}
      </h2>
      <p>{t('mediation.matches.intro')}</p>
      <AsyncContent query={matches}>
        {({ items }) =>
          items.length === 0 ? (
            <p role="status">{t('mediation.matches.none')}</p>
          ) : (
            <>
              {error ? <ActionProblem error={error} /> : null}
              {coordinator && (
                <OfferForm
                  matches={items}
                  pending={actions.offer.isPending}
                  onOffer={(ids) => {
                    actions.assign.reset();
                    actions.offer.mutate(ids);
                  }}
                />
              )}
              <ol className="list-unstyled">
                {items.map((match, index) => (
                  <MatchCard
                    key={match.mediatorId}
                    match={match}
                    rank={index + 1}
                    best={items[0]?.score ?? 0}
                    onAssign={
                      coordinator
                        ? () => {
                            actions.offer.reset();
                            actions.assign.mutate(match.mediatorId);
                          }
                        : undefined
                    }
                    pending={actions.assign.isPending}
                  />
                ))}
              </ol>
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function MatchCard({
  match,
  rank,
  best,
  onAssign,
  pending,
}: {
  match: TMatch;
  rank: number;
  best: number;
  onAssign: (() => void) | undefined;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `match-${match.mediatorId}`;
  // The bar compares with the best of the list; the number says the score itself.
  const width = best > 0 ? Math.max(0, Math.min(100, Math.round((match.score / best) * 100))) : 0;
  return (
    <li className="card shadow-sm p-3 mb-3">
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <div>
          <h3 id={headingId} className="h5 mb-1">
            {t('mediation.matches.rank', { rank, name: match.displayName })}
          </h3>
          <p className="mb-2">{match.organisationName}</p>
        </div>
        {onAssign && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={pending}
            aria-label={t('mediation.matches.assignNamed', { name: match.displayName })}
            onClick={onAssign}
          >
            {t('mediation.matches.assign')}
          </button>
        )}
      </div>
      <p className="mb-1">{t('mediation.matches.score', { score: match.score })}</p>
      <div className="progress mb-2" style={{ height: '0.5rem' }} aria-hidden="true">
        <div className="progress-bar" style={{ width: `${width}%` }} />
      </div>
      <ul className="mb-0">
        {match.reasons.map((reason) => (
          <li key={reason.code}>{reasonText(t, locale, reason)}</li>
        ))}
      </ul>
    </li>
  );
}

/** "Offer to the first N": up to the contract's limit, and no more than the matches there are. */
function OfferForm({
  matches,
  pending,
  onOffer,
}: {
  matches: TMatch[];
  pending: boolean;
  onOffer: (mediatorIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const most = Math.min(MEDIATION_LIMITS.offerTo, matches.length);
  const [count, setCount] = useState(String(most));
  return (
    <form
      className="d-flex flex-wrap align-items-end gap-3 mb-3"
      aria-label={t('mediation.matches.offerForm')}
      onSubmit={(event) => {
        event.preventDefault();
        onOffer(matches.slice(0, Number(count)).map((m) => m.mediatorId));
      }}
    >
      <SelectField
        id="offer-count"
        label={t('mediation.matches.offerCount')}
        hint={t('mediation.matches.offerHint')}
        options={Array.from({ length: most }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
        value={count}
        onChange={(e) => setCount(e.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary mb-4" disabled={pending}>
        {t('mediation.matches.offer', { count: Number(count) })}
      </button>
    </form>
  );
}
