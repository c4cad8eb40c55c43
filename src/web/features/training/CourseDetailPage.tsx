import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourse } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { EditionForm } from './EditionForm.js';
import { EditionList } from './EditionSummary.js';
import { CompetenceQuestionnaireSection } from './QuestionnaireSections.js';
import { useCourse, useCourseMutations, useEditions } from './training-api.js';
import { hoursLabel } from './training-words.js';

/** A course: what it teaches and why (the findings it answers), its editions; a trainer adds one. */
export function CourseDetailPage({ courseId }: { courseId: string }) {
  const course = useCourse(courseId);
  return <AsyncContent query={course}>{(data) => <CourseDetail course={data} />}</AsyncContent>;
}

function CourseDetail({ course }: { course: TCourse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const editions = useEditions(course.id);
  const { createEdition } = useCourseMutations();
  const [adding, setAdding] = useState(false);
  const list = (codes: readonly string[], group: string) =>
    codes.length === 0 ? t('courses.everyone') : codes.map((c) => t(`enums.${group}.${c}`)).join(', ');

  return (
    <>
      <PageHeading title={course.title}>
        <p className="mb-2">
          {t(`enums.strand.${course.strand}`)} · {course.serviceName}
        </p>
        <div className="d-flex flex-wrap gap-3">
          <Link to="/training">{t('courses.backToCatalogue')}</Link>
          {course.managed && (
            <Link to="/training/courses/$courseId/edit" params={{ courseId: course.id }}>
              {t('courses.edit.link')}
            </Link>
          )}
        </div>
      </PageHeading>
      <Facts>
        <Fact label={t('courses.fields.objectives')}>
          <span style={{ whiteSpace: 'pre-line' }}>{course.objectives}</span>
        </Fact>
        <Fact label={t('courses.fields.hours')}>{hoursLabel(course.hours, locale)}</Fact>
        <Fact label={t('courses.fields.trainers')}>{course.trainers}</Fact>
        <Fact label={t('courses.fields.targetServiceKinds')}>
          {list(course.targetServiceKinds, 'serviceKind')}
        </Fact>
        <Fact label={t('courses.fields.targetProfessions')}>
          {list(course.targetProfessions, 'profession')}
        </Fact>
        <Fact label={t('courses.fields.attendanceThreshold')}>
          {t('courses.thresholdValue', { percent: course.attendanceThreshold })}
        </Fact>
        <Fact label={t('courses.fields.approvalRequired')}>
          {course.approvalRequired ? t('courses.approvalYes') : t('courses.approvalNo')}
        </Fact>
        <Fact label={t('courses.fields.credits')}>
          {course.creditScheme && course.credits !== null
            ? t('courses.creditsValue', {
                credits: formatNumber(course.credits, locale),
                scheme: t(`enums.creditScheme.${course.creditScheme}`),
              }) + (course.accreditationRef ? ` (${course.accreditationRef})` : '')
            : t('courses.noCredits')}
        </Fact>
      </Facts>

      <section aria-labelledby="course-why" className="mb-4">
        <h2 id="course-why" className="h4">
          {t('courses.why.title')}
        </h2>
        {course.findings.length === 0 ? (
          <p>{t('courses.why.none')}</p>
        ) : (
          <ul>
            {course.findings.map((f) => (
              <li key={`${f.topic}-${f.subject}`}>
                {t('courses.why.item', {
                  topic: t(`courses.topics.${f.topic}`),
                  subject: f.label[locale],
                  formatted: f.value === null ? '—' : formatNumber(f.value, locale),
                  year: f.year ?? '—',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="course-editions" className="mb-4">
        <h2 id="course-editions" className="h4">
          {t('courses.editions')}
        </h2>
        <AsyncContent query={editions}>{(data) => <EditionList editions={data} />}</AsyncContent>
        {course.managed &&
          (adding ? (
            <EditorCard id="new-edition" title={t('courses.edition.new')}>
              <EditionForm
                error={createEdition.error}
                onSubmit={async (body) => {
                  await createEdition.mutateAsync({ courseId: course.id, body });
                  setAdding(false);
                }}
                onCancel={() => setAdding(false)}
              />
            </EditorCard>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('courses.edition.new')}
            </button>
          ))}
      </section>
      {course.managed && <CompetenceQuestionnaireSection courseId={course.id} />}
    </>
  );
}
