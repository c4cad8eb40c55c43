import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPhase } from '../../../contracts/questionnaires.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AnswerForm } from './AnswerForm.js';
import { editionDates } from './EditionSummary.js';
import {
  useEditionQuestionnaire,
  useExternalQuestionnaire,
  useQuestionnaires,
} from './questionnaires-api.js';
import { useEdition } from './training-api.js';

/** An edition's competence questionnaire, before the course ("pre") or after it ("post"). */
export function QuestionnaireAnswerPage({ editionId, phase }: { editionId: string; phase: TPhase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const edition = useEdition(editionId);
  const questionnaire = useEditionQuestionnaire(editionId);
  const title = t(phase === 'pre' ? 'courses.answer.preTitle' : 'courses.answer.postTitle');
  return (
    <>
      <PageHeading title={title}>
        {edition.data && (
          <p className="mb-2">
            <Link to="/training/editions/$editionId" params={{ editionId }}>
              {t('courses.answer.backToEdition', {
                title: edition.data.courseTitle,
                dates: editionDates(edition.data, locale),
              })}
            </Link>
          </p>
        )}
      </PageHeading>
      {questionnaire.isPending ? (
        <Loading />
      ) : questionnaire.isError ? (
        isApiError(questionnaire.error) && questionnaire.error.isNotFound ? (
          <p>{t('courses.answer.none')}</p>
        ) : (
          <ProblemAlert error={questionnaire.error} />
        )
      ) : (
        <>
          <h2 className="h4">{questionnaire.data.title}</h2>
          <AnswerForm questionnaire={questionnaire.data} target={{ editionId }} phase={phase} />
        </>
      )}
    </>
  );
}

/** The survey of the territorial services' points of view, at the start or at the end of the project. */
export function SurveyAnswerPage({ questionnaireId, phase }: { questionnaireId: string; phase: TPhase }) {
  const { t } = useTranslation();
  const questionnaires = useQuestionnaires();
  const title = t(phase === 'pre' ? 'courses.survey.preTitle' : 'courses.survey.postTitle');
  return (
    <>
      <PageHeading title={title}>
        <p className="mb-2">
          <Link to="/training" hash="services-survey">
            {t('courses.backToCatalogue')}
          </Link>
        </p>
      </PageHeading>
      <AsyncContent query={questionnaires}>
        {(list) => {
          const survey = list.find((q) => q.id === questionnaireId && q.purpose === 'services_viewpoint');
          if (!survey) return <p>{t('courses.survey.missing')}</p>;
          return (
            <>
              <h2 className="h4">{survey.title}</h2>
              <AnswerForm questionnaire={survey} target={{ questionnaireId }} phase={phase} />
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}

/** The same questionnaire for an external participant, through their personal link (no sign-in). */
export function ExternalQuestionnairePage({ token, phase }: { token: string; phase: TPhase }) {
  const { t } = useTranslation();
  const questionnaire = useExternalQuestionnaire(token);
  const title = t(phase === 'pre' ? 'courses.answer.preTitle' : 'courses.answer.postTitle');
  return (
    <>
      <PageHeading title={title}>
        <p className="mb-2">
          <a href={`/partecipa/${encodeURIComponent(token)}`}>{t('courses.answer.backToPersonal')}</a>
        </p>
      </PageHeading>
      {questionnaire.isPending ? (
        <Loading />
      ) : questionnaire.isError ? (
        isApiError(questionnaire.error) && questionnaire.error.isNotFound ? (
          <p>{t('courses.answer.noneOrExpired')}</p>
        ) : (
          <ProblemAlert error={questionnaire.error} />
        )
      ) : (
        <>
          <h2 className="h4">{questionnaire.data.title}</h2>
          <AnswerForm questionnaire={questionnaire.data} target={{ personalToken: token }} phase={phase} />
        </>
      )}
    </>
  );
}
