import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './ui/fonts.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FEATURE_MODULES } from './app/feature-modules.js';
import { AppProviders } from './app/providers.js';
import { initI18n } from './i18n/index.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void initI18n(FEATURE_MODULES.map((module) => module.i18n)).then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders />
    </StrictMode>,
  );
});
