import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { NotFoundNotice } from '../../ui/NotFoundNotice.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ActionControls } from './ActionControls.js';
import { ActionsList } from './ActionsTable.js';
import { useAction, useChairedOverdue, useCommitteeActions, useMyActions } from './governance-actions-api.js';

/** "Le mie azioni": the caller's open actions, and to a chair the overdue actions of their committees. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const mine = useMyActions();
  const overdue = useChairedOverdue();
  return (
    <>
      <PageHeading title={t('governanceActions.mine.title')} />
      <section aria-labelledby="mine-heading" className="mb-5">
        <h2 id="mine-heading" className="h4">
          {t('governanceActions.mine.open')}
        </h2>
        <AsyncContent query={mine}>
          {(data) => (
            <ActionsList
              items={data.items}
              showCommittee
              showOwner={false}
              empty={t('governanceActions.mine.none')}
            />
          )}
        </AsyncContent>
      </section>
      {overdue.data && overdue.data.items.length > 0 && (
        <section aria-labelledby="chaired-heading">
          <h2 id="chaired-heading" className="h4">
            {t('governanceActions.mine.chairedOverdue')}
          </h2>
          <ActionsList items={overdue.data.items} showCommittee empty="" />
        </section>
      )}
    </>
  );
}

/** A committee's actions: open first (the chair sees the overdue first), then the closed. */
export function CommitteeActionsPage({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const actions = useCommitteeActions(committeeId);
  const name = actions.data?.items[0]?.committee.name;
  return (
    <>
      <PageHeading
        title={
          name ? t('governanceActions.committee.titleOf', { name }) : t('governanceActions.committee.title')
        }
      />
      <AsyncContent query={actions}>
        {(data) => (
          <ActionsList items={data.items} headingLevel={2} empty={t('governanceActions.committee.none')} />
        )}
      </AsyncContent>
    </>
  );
}

/** One action: what, who, by when, from which decision, and its controls. */
export function ActionPage({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction(actionId);
  return (
    <AsyncContent
      query={action}
      notFound={
        <>
          <PageHeading title={t('governanceActions.action.title')} />
          <NotFoundNotice />
        </>
      }
    >
      {(a) => (
        <>
          <PageHeading title={a.title} />
          <dl className="row">
            <dt className="col-sm-4">{t('governanceActions.action.status')}</dt>
            <dd className="col-sm-8">
              {t(`governanceActions.actions.status.${a.status}`)}
              {a.overdue && (
                <strong className="text-danger">{` · ${t('governanceActions.actions.overdue')}`}</strong>
              )}
            </dd>
            <dt className="col-sm-4">{t('governanceActions.actions.ownerLabel')}</dt>
            <dd className="col-sm-8">{a.owner.name}</dd>
            <dt className="col-sm-4">{t('governanceActions.actions.dueLabel')}</dt>
            <dd className="col-sm-8">{formatDay(a.dueOn, locale)}</dd>
            {a.committee.name && (
              <>
                <dt className="col-sm-4">{t('governanceActions.action.committee')}</dt>
                <dd className="col-sm-8">
                  <Link
                    to="/governance/committees/$committeeId/actions"
                    params={{ committeeId: a.committee.id }}
                  >
                    {a.committee.name}
                  </Link>
                </dd>
              </>
            )}
            {a.decision && (
              <>
                <dt className="col-sm-4">{t('governanceActions.actions.decision')}</dt>
                <dd className="col-sm-8">
                  {t('governanceActions.decisions.number', { label: a.decision.label })}
                </dd>
              </>
            )}
            {a.closedAt && (
              <>
                <dt className="col-sm-4">{t('governanceActions.action.closedAt')}</dt>
                <dd className="col-sm-8">{formatDateTime(a.closedAt, locale)}</dd>
              </>
            )}
            {a.closingNote && (
              <>
                <dt className="col-sm-4">{t('governanceActions.actions.note')}</dt>
                <dd className="col-sm-8" style={{ whiteSpace: 'pre-wrap' }}>
                  {a.closingNote}
                </dd>
              </>
            )}
          </dl>
          <ActionControls action={a} />
        </>
      )}
    </AsyncContent>
  );
}
