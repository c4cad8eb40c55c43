export { CampaignsPage } from './CampaignsPage.js';
export { FundersPage } from './FundersPage.js';
export { OpportunityPage } from './OpportunityPage.js';
export { PipelinePage } from './PipelinePage.js';
export { ResourcesPage } from './ResourcesPage.js';
