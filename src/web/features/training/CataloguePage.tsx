import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TCourse } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatNumber } from '../../ui/format.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ApprovalsSection } from './ApprovalsSection.js';
import { EditionList } from './EditionSummary.js';
import { ServicesSurveySection } from './QuestionnaireSections.js';
import { useCourses, useEditionsOf } from './training-api.js';
import { hoursLabel } from './training-words.js';

/** The course catalogue: each course with its editions (dates, phase, seats, waiting list). */
export function CataloguePage() {
  const { t } = useTranslation();
  const can = useCan();
  const courses = useCourses();
  return (
    <>
      <PageHeading title={t('courses.catalogue.title')}>
        <p className="mb-2">{t('courses.catalogue.intro')}</p>
        <div className="d-flex flex-wrap gap-3">
          <Link to="/training/mine">{t('courses.mine.link')}</Link>
          {can('training.dashboard') && <Link to="/training/dashboard">{t('courses.dashboard.link')}</Link>}
        </div>
      </PageHeading>
      {can('training.manage') && (
        <p>
          <Link to="/training/courses/new" className="btn btn-primary">
            {t('courses.create.link')}
          </Link>
        </p>
      )}
      {can('training.enrol') && <ApprovalsSection />}
      <AsyncContent query={courses}>
        {(data) => (data.length === 0 ? <p>{t('courses.catalogue.empty')}</p> : <Courses courses={data} />)}
      </AsyncContent>
      <ServicesSurveySection />
    </>
  );
}

function Courses({ courses }: { courses: TCourse[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const editions = useEditionsOf(courses.map((c) => c.id));
  return (
    <ul className="list-unstyled">
      {courses.map((course, i) => {
        const query = editions[i];
        return (
          <li key={course.id} className="card shadow-sm p-3 mb-4">
            <h2 className="h5 mb-1">
              <Link to="/training/courses/$courseId" params={{ courseId: course.id }}>
                {course.title}
              </Link>
            </h2>
            <p className="mb-2">
              {t(`enums.strand.${course.strand}`)} · {hoursLabel(course.hours, locale)}
              {course.creditScheme && course.credits !== null
                ? ` · ${t('courses.creditsValue', {
                    credits: formatNumber(course.credits, locale),
                    scheme: t(`enums.creditScheme.${course.creditScheme}`),
                  })}`
                : ''}
              <br />
              <span className="small">{course.serviceName}</span>
            </p>
            {!query || query.isPending ? (
              <Loading />
            ) : query.isError ? (
              <ProblemAlert error={query.error} />
            ) : (
              <EditionList editions={query.data} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
