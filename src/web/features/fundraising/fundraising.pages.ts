export { CampaignsPage, FundersPage } from './FundersCampaignsPages.js';
export { OpportunityPage, PipelinePage } from './PipelinePage.js';
export { ResourcesPage } from './ResourcesPage.js';
