import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TConsultation } from '../../../contracts/consultations.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { documentScopes } from '../cases/CaseDocumentApi.js';
import { DocumentsSection } from '../cases/CaseDocumentsSection.js';
import { ConsultationSettings } from './ConsultationSettings.js';
import { useConsultation, useConsultationMutations } from './consultations-api.js';
import { OpinionsSection } from './OpinionsSection.js';
import { PresentationSection } from './PresentationSection.js';
import { SessionsSection } from './SessionsSection.js';

/**
 * One consultation by its stages: presentation and axes, sessions with attendance, opinion versions.
 * The requesting service sees status, deadline and the approved opinion only (the server leaves out
 * the rest); the team works every stage and, taking the family into care, opens the case.
 */
export function ConsultationDetailPage({ consultationId }: { consultationId: string }) {
  const query = useConsultation(consultationId);
  return (
    <AsyncContent query={query}>
      {(consultation) => <ConsultationView consultation={consultation} />}
    </AsyncContent>
  );
}

function ConsultationView({ consultation: k }: { consultation: TConsultation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const team = k.access === 'team';
  const running = k.status !== 'closed' && k.status !== 'converted';
  return (
    <>
      <PageHeading title={t('consultations.detail.title', { code: k.code })}>
        <p className="mb-0">{t(`consultations.access.${k.access}`)}</p>
      </PageHeading>
      <Facts>
        <Fact label={t('consultations.fields.status')}>{t(`consultations.status.${k.status}`)}</Fact>
        <Fact label={t('consultations.fields.kind')}>{t(`consultations.kind.${k.kind}`)}</Fact>
        <Fact label={t('consultations.fields.requestingService')}>{k.requestingService}</Fact>
        <Fact label={t('consultations.fields.consultingService')}>{k.consultingService}</Fact>
        <Fact label={t('consultations.fields.household')}>{k.householdCode}</Fact>
        <Fact label={t('consultations.fields.lead')}>{k.leadName}</Fact>
        <Fact label={t('consultations.fields.opinionDueOn')}>
          {formatDay(k.opinionDueOn, locale)}
          {k.overdue && <span className="badge bg-danger ms-2">{t('consultations.overdue')}</span>}
        </Fact>
        <Fact label={t('consultations.fields.reason')}>{k.reason}</Fact>
        {k.courtRequest && (
          <Fact label={t('consultations.fields.courtRequest')}>
            {t(`consultations.authority.${k.courtRequest.requestingAuthority}`)} —{' '}
            {k.courtRequest.requestReference}, {formatDay(k.courtRequest.requestDate, locale)}.{' '}
            {k.courtRequest.coversTeamInvolvement
              ? t('consultations.court.covers')
              : t('consultations.court.consentNeeded')}
          </Fact>
        )}
        {k.caseId && (
          <Fact label={t('consultations.fields.case')}>
            <Link to="/cases/$caseId" params={{ caseId: k.caseId }}>
              {t('consultations.openCase')}
            </Link>
          </Fact>
        )}
      </Facts>
      {team && running && <ConsultationSettings consultation={k} />}
      {k.presentation && <PresentationSection consultation={k} editable={team && running} />}
      {k.sessions && <SessionsSection consultation={k} editable={team && running} />}
      <OpinionsSection consultation={k} editable={team && running} />
      {k.access !== 'requester' && (
        <DocumentsSection
          scope={documentScopes.ofConsultation(k.id)}
          targets={
            team && running
              ? [{ kind: 'consultation', id: k.id, label: t('caseDocuments.attachedKinds.consultation') }]
              : []
          }
          intro={t('caseDocuments.consultationIntro')}
        />
      )}
      {team && running && <ConvertAndClose consultationId={k.id} />}
    </>
  );
}

function ConvertAndClose({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { convert, close } = useConsultationMutations(consultationId);
  return (
    <section aria-labelledby="consultation-outcome-heading" className="mb-5">
      <h2 id="consultation-outcome-heading" className="h4">
        {t('consultations.outcome.title')}
      </h2>
      <p>{t('consultations.outcome.intro')}</p>
      {convert.error ? <ActionProblem error={convert.error} /> : null}
      {close.error ? <ActionProblem error={close.error} /> : null}
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={convert.isPending}
          onClick={async () => {
            const { caseId } = await convert.mutateAsync();
            await navigate({ to: '/cases/$caseId', params: { caseId } });
          }}
        >
          {t('consultations.outcome.convert')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          disabled={close.isPending}
          onClick={() => close.mutate({})}
        >
          {t('consultations.outcome.close')}
        </button>
      </div>
    </section>
  );
}
