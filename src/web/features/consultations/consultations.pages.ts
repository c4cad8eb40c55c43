export { ConsultationDetailPage } from './ConsultationDetailPage.js';
export { ConsultationsListPage } from './ConsultationsListPage.js';
