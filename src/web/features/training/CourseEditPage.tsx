import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { CourseForm } from './CourseForm.js';
import { courseToValues, newCourseValues } from './course-form.js';
import { useCourse, useCourseMutations } from './training-api.js';

/** A new course of the trainer's service. */
export function CourseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { create } = useCourseMutations();
  return (
    <>
      <PageHeading title={t('courses.create.title')}>
        <p className="mb-2">{t('courses.create.intro')}</p>
        <Link to="/training">{t('courses.backToCatalogue')}</Link>
      </PageHeading>
      <CourseForm
        defaultValues={newCourseValues()}
        submitLabel={t('courses.create.submit')}
        error={create.error}
        onSubmit={async (body) => {
          const course = await create.mutateAsync(body);
          await navigate({ to: '/training/courses/$courseId', params: { courseId: course.id } });
        }}
        onCancel={() => navigate({ to: '/training' })}
      />
    </>
  );
}

/** A course changed by its trainers (editions already held keep their hours). */
export function CourseEditPage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const course = useCourse(courseId);
  const { update } = useCourseMutations();
  const back = () => navigate({ to: '/training/courses/$courseId', params: { courseId } });
  return (
    <AsyncContent query={course}>
      {(data) => (
        <>
          <PageHeading title={t('courses.edit.title', { title: data.title })}>
            <p className="mb-2">{t('courses.edit.intro')}</p>
            <Link to="/training/courses/$courseId" params={{ courseId }}>
              {t('courses.backToCourse', { title: data.title })}
            </Link>
          </PageHeading>
          <CourseForm
            defaultValues={courseToValues(data)}
            submitLabel={t('courses.edit.submit')}
            error={update.error}
            onSubmit={async (body) => {
              await update.mutateAsync({ id: courseId, body });
              await back();
            }}
            onCancel={back}
          />
        </>
      )}
    </AsyncContent>
  );
}
