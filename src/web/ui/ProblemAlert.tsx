import { Alert } from 'design-react-kit';
import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem.js';
import { useLocale } from '../i18n/index.js';
import { focusField, type SummaryFields, summaryItems } from './forms/error-summary.js';

/** The server's type for "these fields are wrong"; its detail lists the API's field names. */
const VALIDATION = 'urn:trama:problem:validation';

/**
 * Shows a failed request in the user's language: the server's problem text, or a generic one.
 * For invalid fields it never shows the API's field names: given the form's `fields` (labels and
 * element ids) it is the form's error summary, each field's label a link that moves focus to
 * the field, and it takes focus itself; without them it asks to correct the fields marked.
 */
export function ProblemAlert({
  error,
  className,
  fields,
}: {
  error: unknown;
  className?: string;
  fields?: SummaryFields;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useRef<HTMLDivElement>(null);
  const items =
    fields && isApiError(error) ? summaryItems({ errors: error.fieldErrors(locale), fields }) : [];
  const isSummary = items.length > 0;

  // A new refusal moves focus to the summary, so the list of what to correct is read first.
  useEffect(() => {
    if (error && isSummary) summary.current?.focus();
  }, [isSummary, error]);

  if (!error) return null;
  let title = t('errors.generic.title');
  let detail: string | undefined = t('errors.generic.detail');
  if (isApiError(error)) {
    const localized = error.localized(locale);
    if (error.isLocked) {
      title = localized?.title ?? t('errors.locked.title');
      detail = localized?.detail ?? t('errors.locked.detail');
    } else if (localized) {
      title = localized.title;
      detail = error.problem?.type === VALIDATION ? t('errors.fields.detail') : localized.detail;
    } else if (error.status === 0) {
      title = t('errors.network.title');
      detail = t('errors.network.detail');
    }
  }
  if (isSummary) {
    const follow = (id: string) => (event: MouseEvent) => {
      event.preventDefault();
      focusField(id);
    };
    return (
      <div ref={summary} tabIndex={-1} className={className}>
        <Alert color="danger" role="alert">
          <strong className="d-block">{title}</strong>
          <span>{t('errors.fields.intro')}</span>
          <ul className="mb-0">
            {items.map((item) => (
              <li key={item.field?.id ?? item.message}>
                {item.field ? (
                  <>
                    <a href={`#${item.field.id}`} onClick={follow(item.field.id)}>
                      {item.field.label}
                    </a>
                    : {item.message}
                  </>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </Alert>
      </div>
    );
  }
  return (
    <Alert color="danger" className={className} role="alert">
      <strong className="d-block">{title}</strong>
      {detail && <span>{detail}</span>}
    </Alert>
  );
}
