import { createRoute } from '@tanstack/react-router';
import { ZResponseInputSchema } from '../../../contracts/questionnaires.js';
import { ZDashboardQuerySchema } from '../../../contracts/training.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const CataloguePage = lazyPage(() => import('./training.pages.js'), 'CataloguePage');
const CourseCreatePage = lazyPage(() => import('./training.pages.js'), 'CourseCreatePage');
const CourseDetailPage = lazyPage(() => import('./training.pages.js'), 'CourseDetailPage');
const CourseEditPage = lazyPage(() => import('./training.pages.js'), 'CourseEditPage');
const DashboardPage = lazyPage(() => import('./training.pages.js'), 'DashboardPage');
const EditionPage = lazyPage(() => import('./training.pages.js'), 'EditionPage');
const MyTrainingPage = lazyPage(() => import('./training.pages.js'), 'MyTrainingPage');
const QuestionnaireAnswerPage = lazyPage(() => import('./training.pages.js'), 'QuestionnaireAnswerPage');
const SurveyAnswerPage = lazyPage(() => import('./training.pages.js'), 'SurveyAnswerPage');
const ExternalQuestionnairePage = lazyPage(() => import('./training.pages.js'), 'ExternalQuestionnairePage');

const dashboardSearch = contractSearch(ZDashboardQuerySchema.shape);
/** Which questionnaire: before ("pre", the default) or after ("post"). */
const phaseSearch = contractSearch({ phase: ZResponseInputSchema.shape.phase });

/** Training (issue 17): the course catalogue, courses and editions, one's own registrations, the dashboard. */
export const trainingModule = {
  id: 'training',
  routes: ({ appLayout, publicLayout }) => {
    const catalogueRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.browse'),
      component: CataloguePage,
    });
    const courseCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/courses/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.manage'),
      component: CourseCreatePage,
    });
    const courseRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/courses/$courseId',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.browse'),
      component: routeWith([CourseDetailPage], function CourseRoute() {
        const { courseId } = courseRoute.useParams();
        return <CourseDetailPage key={courseId} courseId={courseId} />;
      }),
    });
    const courseEditRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/courses/$courseId/edit',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.manage'),
      component: routeWith([CourseEditPage], function CourseEditRoute() {
        const { courseId } = courseEditRoute.useParams();
        return <CourseEditPage key={courseId} courseId={courseId} />;
      }),
    });
    const editionRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/editions/$editionId',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.browse'),
      component: routeWith([EditionPage], function EditionRoute() {
        const { editionId } = editionRoute.useParams();
        return <EditionPage key={editionId} editionId={editionId} />;
      }),
    });
    const questionnaireRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/editions/$editionId/questionnaire',
      validateSearch: phaseSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'training.browse'),
      component: routeWith([QuestionnaireAnswerPage], function QuestionnaireRoute() {
        const { editionId } = questionnaireRoute.useParams();
        const { phase = 'pre' } = questionnaireRoute.useSearch();
        return <QuestionnaireAnswerPage key={`${editionId}-${phase}`} editionId={editionId} phase={phase} />;
      }),
    });
    const surveyRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/survey/$questionnaireId',
      validateSearch: phaseSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'training.browse'),
      component: routeWith([SurveyAnswerPage], function SurveyRoute() {
        const { questionnaireId } = surveyRoute.useParams();
        const { phase = 'pre' } = surveyRoute.useSearch();
        return (
          <SurveyAnswerPage
            key={`${questionnaireId}-${phase}`}
            questionnaireId={questionnaireId}
            phase={phase}
          />
        );
      }),
    });
    // An external participant answers through their personal link, with no sign-in.
    const externalQuestionnaireRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/partecipa/$token/questionario',
      validateSearch: phaseSearch,
      component: routeWith([ExternalQuestionnairePage], function ExternalQuestionnaireRoute() {
        const { token } = externalQuestionnaireRoute.useParams();
        const { phase = 'pre' } = externalQuestionnaireRoute.useSearch();
        return <ExternalQuestionnairePage key={`${token}-${phase}`} token={token} phase={phase} />;
      }),
    });
    const mineRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/mine',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.browse'),
      component: MyTrainingPage,
    });
    const dashboardRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/dashboard',
      validateSearch: dashboardSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'training.dashboard'),
      component: routeWith([DashboardPage], function DashboardRoute() {
        const { from, to } = dashboardRoute.useSearch();
        return <DashboardPage from={from} to={to} />;
      }),
    });
    return [
      catalogueRoute,
      courseCreateRoute,
      courseRoute,
      courseEditRoute,
      editionRoute,
      questionnaireRoute,
      surveyRoute,
      externalQuestionnaireRoute,
      mineRoute,
      dashboardRoute,
    ] as const;
  },
  nav: [
    {
      to: '/training',
      labelKey: 'courses.nav.catalogue',
      anyOf: ['training.browse'],
      exact: true,
      order: 112,
    },
    { to: '/training/mine', labelKey: 'courses.nav.mine', anyOf: ['training.browse'], order: 113 },
    {
      to: '/training/dashboard',
      labelKey: 'courses.nav.dashboard',
      anyOf: ['training.dashboard'],
      order: 114,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
