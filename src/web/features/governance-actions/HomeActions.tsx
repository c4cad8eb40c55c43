import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ActionsList } from './ActionsTable.js';
import { useMyActions } from './governance-actions-api.js';

/** Home's "Le mie azioni": the caller's open actions, soonest first, with their controls. */
export function HomeActions() {
  const { t } = useTranslation();
  const mine = useMyActions();
  return (
    <section aria-labelledby="my-actions-heading" className="mt-5">
      <h2 id="my-actions-heading" className="h4">
        {t('governanceActions.home.title')}
      </h2>
      <AsyncContent query={mine}>
        {(data) => (
          <>
            <ActionsList
              items={data.items.slice(0, 5)}
              showCommittee
              showOwner={false}
              empty={t('governanceActions.mine.none')}
            />
            {data.items.length > 0 && (
              <Link to="/governance/actions">{t('governanceActions.home.more')}</Link>
            )}
          </>
        )}
      </AsyncContent>
    </section>
  );
}
