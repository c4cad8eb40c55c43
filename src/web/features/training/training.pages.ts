/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { ExternalQuestionnairePage, QuestionnaireAnswerPage, SurveyAnswerPage } from './AnswerPages.js';
export { CataloguePage } from './CataloguePage.js';
export { CourseDetailPage } from './CourseDetailPage.js';
export { CourseCreatePage, CourseEditPage } from './CourseEditPage.js';
export { DashboardPage } from './DashboardPage.js';
export { EditionPage } from './EditionPage.js';
export { MyTrainingPage } from './MyTrainingPage.js';
