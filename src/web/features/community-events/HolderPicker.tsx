import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityWords } from '../community/community-words.js';
import { useHolderSearch } from './community-events-api.js';

/**
 * Community holders chosen by name: a search box, the matches as "add" buttons, and the holders
 * chosen, each with its own "remove" button. The value is the holders' ids; their names are kept
 * here as they are found (and given for those chosen before).
 */
export function HolderPicker({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  max: most = 1,
  single = false,
  knownNames = {},
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** The most holders that may be chosen (from the contract). */
  max?: number;
  /** One holder at most ("through which holder"): a new choice replaces the one before. */
  single?: boolean;
  knownNames?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const [q, setQ] = useState('');
  const [names, setNames] = useState<Record<string, string>>(knownNames);
  const results = useHolderSearch(q);
  const statusId = useId();
  const max = single ? 1 : most;
  const full = value.length >= max;
  const add = (holder: { id: string; name: string }) => {
    setNames((known) => ({ ...known, [holder.id]: holder.name }));
    onChange(single ? [holder.id] : [...value, holder.id]);
    setQ('');
  };
  const matches = (results.data?.items ?? []).filter((h) => !value.includes(h.id));
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <fieldset id={id} className="mb-4" aria-describedby={described || undefined}>
      <legend className="h6 fw-semibold text-body mb-2 px-0">{legend}</legend>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block mb-2">
          {hint}
        </small>
      )}
      {value.length > 0 && (
        <ul className="list-unstyled mb-2" aria-label={t('communityEvents.holders.chosen')}>
          {value.map((holderId) => {
            const name = names[holderId] ?? t('communityEvents.holders.unnamed');
            return (
              <li key={holderId} className="d-flex flex-wrap align-items-center gap-2 mb-1">
                <span>{name}</span>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-xs"
                  onClick={() => onChange(value.filter((v) => v !== holderId))}
                >
                  {t('communityEvents.holders.remove', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {(!full || single) && (
        <div className="form-group mb-2">
          <label htmlFor={`${id}-search`} className="active">
            {t('communityEvents.holders.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className="form-control"
            value={q}
            autoComplete="off"
            aria-describedby={statusId}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      )}
      <p id={statusId} className="small mb-1" role="status">
        {q.trim().length < 2
          ? ''
          : results.isPending
            ? t('common.loading')
            : results.isError
              ? t('communityEvents.holders.searchFailed')
              : t('communityEvents.holders.matches', { count: matches.length })}
      </p>
      {q.trim().length >= 2 && matches.length > 0 && (
        <ul className="list-unstyled mb-0">
          {matches.map((holder) => (
            <li key={holder.id} className="mb-1">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm text-start"
                onClick={() => add(holder)}
              >
                {t('communityEvents.holders.add', {
                  name: holder.name,
                  what: `${words.holderKind(holder.kind)}, ${holder.municipalityName}`,
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </fieldset>
  );
}
