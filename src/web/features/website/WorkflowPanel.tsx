import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SITE_ACTIONS,
  type TSiteAction,
  type TSitePageDetail,
  type TSiteTransition,
} from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { TransitionForm } from './TransitionForm.js';

type Transition = UseMutationResult<TSitePageDetail, Error, TSiteTransition>;

/** The actions taken with one click; the others ask for a note (and `schedule` for a moment). */
const DIRECT: readonly TSiteAction[] = ['submit', 'approve', 'publish'];
const TONE: Record<TSiteAction, string> = {
  submit: 'btn-primary',
  approve: 'btn-primary',
  return: 'btn-outline-danger',
  schedule: 'btn-outline-primary',
  publish: 'btn-primary',
  archive: 'btn-outline-danger',
  restore: 'btn-outline-primary',
};

/** Where the page is in the workflow, and exactly the actions the server says the viewer may take now. */
export function WorkflowPanel({ page, transition }: { page: TSitePageDetail; transition: Transition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<TSiteAction | null>(null);
  const [done, setDone] = useState<TSiteAction | null>(null);
  const actions = SITE_ACTIONS.filter((a) => page.actions.includes(a));
  const run = (action: TSiteAction) => {
    setDone(null);
    transition.mutate({ action }, { onSuccess: () => setDone(action) });
  };
  return (
    <section aria-labelledby="site-workflow-heading" className="card shadow-sm p-3 p-md-4 mb-5">
      <h2 id="site-workflow-heading" className="h4">
        {t('website.workflow.title')}
      </h2>
      <p className="mb-2">{t(`website.stateHelp.${page.state}`)}</p>
      {page.state === 'scheduled' && page.publishAt && (
        <p className="fw-semibold mb-2">
          {t('website.workflow.scheduledFor', { at: formatDateTime(page.publishAt, locale) })}
        </p>
      )}
      {page.category === 'sensitive' && <p className="small mb-2">{t('website.workflow.sensitive')}</p>}
      {done && (
        <div className="alert alert-success" role="status">
          {t(`website.workflow.done.${done}`)}
        </div>
      )}
      {transition.error && open === null ? <ActionProblem error={transition.error} className="mt-2" /> : null}
      {actions.length === 0 ? (
        <p className="small mb-0">{t('website.workflow.noActions')}</p>
      ) : open ? (
        <TransitionForm
          action={open}
          transition={transition}
          onDone={() => {
            setDone(open);
            setOpen(null);
          }}
          onCancel={() => {
            transition.reset();
            setOpen(null);
          }}
        />
      ) : (
        <div className="d-flex flex-wrap gap-2 mt-2">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`btn btn-sm ${TONE[action]}`}
              disabled={transition.isPending}
              onClick={() => {
                if (DIRECT.includes(action)) run(action);
                else {
                  transition.reset();
                  setDone(null);
                  setOpen(action);
                }
              }}
            >
              {t(`website.actions.${action}`)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
