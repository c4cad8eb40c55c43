import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TQuestionnaire } from '../../../contracts/questionnaires.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { QuestionnaireEditor } from './QuestionnaireEditor.js';
import { useCloseSurvey, useCreateQuestionnaire, useQuestionnaires } from './questionnaires-api.js';
import { SurveyResults } from './ResultsPanels.js';

/** A questionnaire's questions as people will read them (the right answers are never sent). */
export function QuestionnaireItems({ questionnaire }: { questionnaire: TQuestionnaire }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = (w: { it: string; en: string | null }) => (locale === 'en' && w.en ? w.en : w.it);
  return (
    <ol>
      {questionnaire.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the items have no id; their position is their identity
        <li key={i} className="mb-2">
          {words(item.text)}
          <span className="d-block small">
            {t(`courses.domains.${item.domain}`)} · {t(`courses.questionnaire.kinds.${item.kind}`)}
            {item.kind === 'knowledge'
              ? ` · ${t('courses.questionnaire.choices', { list: item.options.map(words).join(' / ') })}`
              : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A course's competence questionnaire, for its trainers: the one its editions use, or a new one. */
export function CompetenceQuestionnaireSection({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const list = useQuestionnaires(courseId);
  const create = useCreateQuestionnaire();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="competence-questionnaire" className="mb-4">
      <h2 id="competence-questionnaire" className="h4">
        {t('courses.questionnaire.title')}
      </h2>
      <p>{t('courses.questionnaire.intro')}</p>
      <AsyncContent query={list}>
        {(data) => {
          // The editions use the newest (the list comes newest first).
          const current = data.find((q) => q.purpose === 'competence');
          return current ? (
            <>
              <h3 className="h5">{current.title}</h3>
              <QuestionnaireItems questionnaire={current} />
            </>
          ) : (
            <p>{t('courses.questionnaire.none')}</p>
          );
        }}
      </AsyncContent>
      {adding ? (
        <EditorCard id="new-competence-questionnaire" title={t('courses.questionnaire.new')}>
          <QuestionnaireEditor
            purpose="competence"
            courseId={courseId}
            error={create.error}
            onSubmit={async (body) => {
              await create.mutateAsync(body);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </EditorCard>
      ) : (
        <button type="button" className="btn btn-outline-primary" onClick={() => setAdding(true)}>
          {t('courses.questionnaire.new')}
        </button>
      )}
    </section>
  );
}

/**
 * The survey of the territorial services' points of view (WP2): every member answers it at the
 * start and at the end; trainers make it; the dashboard's readers see it in aggregate.
 */
export function ServicesSurveySection() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useQuestionnaires();
  const create = useCreateQuestionnaire();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const manage = can('training.manage');
  const dashboard = can('training.dashboard');
  const surveys = (list.data ?? []).filter((q) => q.purpose === 'services_viewpoint');
  if (!manage && surveys.length === 0) return null;

  return (
    <section id="services-survey" aria-labelledby="services-survey-title" className="mb-4">
      <h2 id="services-survey-title" className="h4">
        {t('courses.survey.title')}
      </h2>
      <p>{t('courses.survey.intro')}</p>
      <AsyncContent query={list}>
        {() =>
          surveys.length === 0 ? (
            <p>{t('courses.survey.none')}</p>
          ) : (
            <ul className="list-unstyled">
              {surveys.map((survey) => (
                <li key={survey.id} className="card shadow-sm p-3 mb-3">
                  <h3 className="h5">{survey.title}</h3>
                  <div className="d-flex flex-wrap gap-3">
                    <Link
                      to="/training/survey/$questionnaireId"
                      params={{ questionnaireId: survey.id }}
                      search={{ phase: 'pre' }}
                    >
                      {t('courses.survey.answerPre', { title: survey.title })}
                    </Link>
                    <Link
                      to="/training/survey/$questionnaireId"
                      params={{ questionnaireId: survey.id }}
                      search={{ phase: 'post' }}
                    >
                      {t('courses.survey.answerPost', { title: survey.title })}
                    </Link>
                    {dashboard && (
                      <button
                        type="button"
                        className="btn btn-link p-0"
                        aria-expanded={open === survey.id}
                        onClick={() => setOpen(open === survey.id ? null : survey.id)}
                      >
                        {t(open === survey.id ? 'courses.survey.hideResults' : 'courses.survey.showResults', {
                          title: survey.title,
                        })}
                      </button>
                    )}
                  </div>
                  {survey.managed && !survey.closedAt && <CloseSurveyButton questionnaireId={survey.id} />}
                  {survey.closedAt && <p className="mb-0 mt-2">{t('courses.survey.closed')}</p>}
                  {dashboard && open === survey.id && (
                    <div className="mt-3">
                      <SurveyResults questionnaireId={survey.id} title={survey.title} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
      {manage &&
        (adding ? (
          <EditorCard id="new-services-survey" title={t('courses.survey.new')}>
            <QuestionnaireEditor
              purpose="services_viewpoint"
              courseId={null}
              error={create.error}
              onSubmit={async (body) => {
                await create.mutateAsync(body);
                setAdding(false);
              }}
              onCancel={() => setAdding(false)}
            />
          </EditorCard>
        ) : (
          <button type="button" className="btn btn-outline-primary" onClick={() => setAdding(true)}>
            {t('courses.survey.new')}
          </button>
        ))}
    </section>
  );
}

/** Closes the survey: no more answers; its results are given from then on. */
function CloseSurveyButton({ questionnaireId }: { questionnaireId: string }) {
  const { t } = useTranslation();
  const close = useCloseSurvey(questionnaireId);
  return (
    <div className="mt-2">
      {close.isError && <ProblemAlert error={close.error} />}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={close.isPending}
        onClick={() => close.mutate()}
      >
        {t('courses.survey.close')}
      </button>
    </div>
  );
}
