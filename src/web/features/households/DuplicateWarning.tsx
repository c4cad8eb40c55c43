import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { problemType } from '../../ui/forms/server-errors.js';

const POSSIBLE_DUPLICATE = 'urn:trama:problem:possible-duplicate';

/** The server's answer when the person looks registered already (same identifier, or name and birth year). */
export const isPossibleDuplicate = (error: unknown) => problemType(error) === POSSIBLE_DUPLICATE;

/**
 * The person being registered or corrected seems to be in one of the service's households already.
 * Each finding names the household, with a link that opens it in a new tab so what was typed here
 * stays; the operator either goes there or says this is someone else, which sends the same data
 * again with `acknowledgeDuplicates`. The heading takes the focus when the warning appears.
 */
export function DuplicateWarning({
  error,
  who,
  confirmLabel,
  onConfirm,
  pending,
  level = 2,
}: {
  error: unknown;
  /** The person a finding is about, from its field (`members.1.identifier`), when the form has several. */
  who?: (field: string) => string | undefined;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  level?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isPossibleDuplicate(error)) ref.current?.focus();
  }, [error]);
  if (!isApiError(error) || !isPossibleDuplicate(error)) return null;
  const localized = error.localized(locale);
  const Heading = `h${level}` as const;

  return (
    <section className="alert alert-warning" aria-labelledby="duplicate-warning-title">
      <Heading id="duplicate-warning-title" ref={ref} tabIndex={-1} className="h5">
        {localized?.title ?? t('households.duplicates.title')}
      </Heading>
      {localized?.detail && <p>{localized.detail}</p>}
      <ul>
        {(error.problem?.errors ?? []).map((finding) => {
          const person = who?.(finding.field);
          const household = finding.relatedRecord?.type === 'household' ? finding.relatedRecord : null;
          return (
            <li key={`${finding.field}-${household?.id ?? ''}`} className="mb-1">
              {person ? <strong>{person}: </strong> : null}
              {finding.message[locale]}{' '}
              {household && (
                <Link
                  to="/households/$householdId"
                  params={{ householdId: household.id }}
                  target="_blank"
                  rel="noopener"
                >
                  {t('households.duplicates.open', { code: household.code })}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-primary btn-sm" onClick={onConfirm} disabled={pending}>
        {confirmLabel}
      </button>
    </section>
  );
}
