import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseServicesView, TFollowup } from '../../../contracts/case-services.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { CaseServiceForm } from './CaseServiceForm.js';
import { serviceTypeLabel } from './CaseServiceLabels.js';
import { useCaseServiceMutations, useCaseServices } from './case-services-api.js';
import { FollowupForm } from './FollowupForm.js';

/** Services delivered and follow-ups (issue 22, item 3): the team writes, a supervisor reads. */
export function CaseServicesSection({ data }: { data: TCase }) {
  const services = useCaseServices(data.id);
  return (
    <AsyncContent query={services}>{(view) => <CaseServicesView data={data} view={view} />}</AsyncContent>
  );
}

function CaseServicesView({ data, view }: { data: TCase; view: TCaseServicesView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState<'service' | 'followup' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (what: string) => (ok: boolean) => {
    setAdding(null);
    setSaved(ok ? what : null);
  };

  return (
    <section aria-labelledby="case-services-heading">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="case-services-heading" className="h4 mb-0">
          {t('caseServices.heading')}
        </h2>
        {view.canWrite && !adding && (
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setAdding('service')}>
              {t('caseServices.add')}
            </button>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setAdding('followup')}
            >
              {t('caseServices.followups.add')}
            </button>
          </div>
        )}
      </div>
      <div role="status">
        {saved && <div className="alert alert-success">{t(`caseServices.saved.${saved}`)}</div>}
      </div>
      {adding === 'service' && (
        <EditorCard id="case-service-form" title={t('caseServices.formTitle')}>
          <CaseServiceForm data={data} view={view} onDone={done('service')} />
        </EditorCard>
      )}
      {adding === 'followup' && (
        <EditorCard id="followup-form" title={t('caseServices.followups.formTitle')}>
          <FollowupForm caseId={data.id} view={view} onDone={done('followup')} />
        </EditorCard>
      )}
      <h3 className="h5 mt-3">{t('caseServices.servicesHeading')}</h3>
      {view.services.length === 0 ? (
        <p>{t('caseServices.empty')}</p>
      ) : (
        <DataTable caption={t('caseServices.caption', { count: view.services.length, code: data.code })}>
          <thead>
            <tr>
              <th scope="col">{t('caseServices.fields.type')}</th>
              <th scope="col">{t('caseServices.fields.person')}</th>
              <th scope="col">{t('caseServices.fields.provider')}</th>
              <th scope="col">{t('caseServices.fields.period')}</th>
              <th scope="col">{t('caseServices.fields.hours')}</th>
              <th scope="col">{t('caseServices.fields.status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.services.map((s) => (
              <tr key={s.id}>
                <th scope="row">{serviceTypeLabel(s.type, locale)}</th>
                <td>{s.person?.givenName ?? t('caseServices.wholeFamily')}</td>
                <td>{s.provider.name}</td>
                <td>
                  {formatDay(s.startedOn, locale)}
                  {s.endedOn ? ` – ${formatDay(s.endedOn, locale)}` : ''}
                </td>
                <td>{s.hours ?? '—'}</td>
                <td>{t(`caseServices.status.${s.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <h3 className="h5 mt-4">{t('caseServices.followups.heading')}</h3>
      {view.followups.length === 0 ? (
        <p>{t('caseServices.followups.empty')}</p>
      ) : (
        <ul className="list-unstyled">
          {view.followups.map((f) => (
            <FollowupItem key={f.id} caseId={data.id} followup={f} canWrite={view.canWrite} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowupItem({
  caseId,
  followup,
  canWrite,
}: {
  caseId: string;
  followup: TFollowup;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { markDone } = useCaseServiceMutations(caseId);
  const overdue = !followup.doneAt && followup.dueOn < new Date().toISOString().slice(0, 10);
  return (
    <li className="card card-body mb-2">
      <p className="fw-semibold mb-1">{followup.what}</p>
      <p className="small mb-1">
        {t('caseServices.followups.due', {
          date: formatDay(followup.dueOn, locale),
          who: followup.assignedTo.displayName,
        })}
        {overdue && <span className="badge bg-danger ms-2">{t('caseServices.followups.overdue')}</span>}
      </p>
      {followup.doneAt ? (
        <p className="small text-success mb-0">
          {t('caseServices.followups.doneBy', {
            date: formatDateTime(followup.doneAt, locale),
            who: followup.doneBy ?? '',
          })}
          {followup.outcome ? ` — ${followup.outcome}` : ''}
        </p>
      ) : (
        canWrite && (
          <div>
            {markDone.error ? <ActionProblem error={markDone.error} /> : null}
            <button
              type="button"
              className="btn btn-outline-success btn-sm"
              disabled={markDone.isPending}
              onClick={() => markDone.mutate({ id: followup.id, body: {} })}
            >
              {t('caseServices.followups.markDone')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
