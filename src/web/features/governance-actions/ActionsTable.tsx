import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TAction } from '../../../contracts/governance-minutes.js';
import { useLocale } from '../../i18n/index.js';
import { formatDay } from '../../ui/format.js';
import { ActionControls } from './ActionControls.js';

/** Actions as cards that read on a phone: title (a link to the action), owner, due date, overdue marked. */
export function ActionsList({
  items,
  showCommittee = false,
  showOwner = true,
  empty,
  headingLevel = 3,
}: {
  items: TAction[];
  /** The level of each action's heading, one below the section's. */
  headingLevel?: 2 | 3;
  showCommittee?: boolean;
  showOwner?: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <p>{empty}</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="list-unstyled">
      {items.map((a) => (
        <li key={a.id} className={`border rounded p-3 mb-2 ${a.overdue ? 'border-danger' : ''}`}>
          <Heading className="h6 mb-1">
            <Link to="/governance/actions/$actionId" params={{ actionId: a.id }}>
              {a.title}
            </Link>
          </Heading>
          <p className="mb-2 small">
            {t(`governanceActions.actions.status.${a.status}`)}
            {' · '}
            {t('governanceActions.actions.due', { date: formatDay(a.dueOn, locale) })}
            {a.overdue && (
              <strong className="text-danger">{` · ${t('governanceActions.actions.overdue')}`}</strong>
            )}
            {showOwner && ` · ${t('governanceActions.actions.owner', { name: a.owner.name })}`}
            {showCommittee && a.committee.name && ` · ${a.committee.name}`}
            {a.decision && ` · ${t('governanceActions.decisions.number', { label: a.decision.label })}`}
          </p>
          <ActionControls action={a} />
        </li>
      ))}
    </ul>
  );
}
