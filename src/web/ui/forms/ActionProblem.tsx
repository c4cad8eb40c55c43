import { Alert } from 'design-react-kit';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { ProblemAlert } from '../ProblemAlert.js';

/**
 * A refused action. When the server explains it field by field ("the consent has lapsed"), those
 * explanations are what the user needs, rather than the generic "check the field" detail.
 */
export function ActionProblem({ error, className }: { error: unknown; className?: string }) {
  const locale = useLocale();
  if (!error) return null;
  const messages = isApiError(error) ? error.fieldErrors(locale).map((e) => e.message) : [];
  if (!isApiError(error) || messages.length === 0)
    return <ProblemAlert error={error} className={className} />;
  const title = error.localized(locale)?.title;
  return (
    <Alert color="danger" className={className} role="alert">
      {title && <strong className="d-block">{title}</strong>}
      {messages.length === 1 ? (
        <span>{messages[0]}</span>
      ) : (
        <ul className="mb-0">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
