import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SITE_LANGUAGES, type TSiteLanguage, type TSitePageDetail } from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ConferencePanel } from './ConferencePanel.js';
import { PageHistory } from './PageHistory.js';
import { SettingsPanel } from './SettingsPanel.js';
import { TranslationEditor } from './TranslationEditor.js';
import { VersionsPanel } from './VersionsPanel.js';
import { VideoPanel } from './VideoPanel.js';
import { WorkflowPanel } from './WorkflowPanel.js';
import { usePageTransition, useSitePage } from './website-api.js';
import { linkProblemsOf } from './website-forms.js';
import { StateBadge } from './website-words.js';

/** One page, news item, chapter of the video manual or conference: its workflow, its video (for a chapter) or its programme (for a conference), its text in each of the ten languages, versions, settings, history. */
export function SitePagePage({ id, lang = 'it' }: { id: string; lang?: TSiteLanguage }) {
  const { t } = useTranslation();
  const page = useSitePage(id);
  return (
    <>
      <p>
        <Link to="/website">{t('website.page.back')}</Link>
      </p>
      <AsyncContent query={page} notFound={<PageHeading title={t('website.page.notFound')} />}>
        {(data) => <PageView page={data} lang={lang} />}
      </AsyncContent>
    </>
  );
}

function PageView({ page, lang }: { page: TSitePageDetail; lang: TSiteLanguage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transition = usePageTransition(page.id);
  const linkProblems = linkProblemsOf(transition.error, locale);
  return (
    <>
      <PageHeading title={page.title}>
        <p className="mb-1">
          <StateBadge state={page.state} /> {t(`website.kinds.${page.kind}`)} ·{' '}
          {t(`website.categories.${page.category}`)}
        </p>
        <p className="mb-0 small">
          {t('website.page.publicPath')} <span className="text-break">{page.publicPath}</span>
          {page.publishedAt && (
            <span className="d-block">
              {t('website.page.publishedAt', { at: formatDateTime(page.publishedAt, locale) })}
            </span>
          )}
        </p>
      </PageHeading>
      <WorkflowPanel page={page} transition={transition} />
      {page.kind === 'video' && <VideoPanel pageId={page.id} />}
      {page.kind === 'conference' && <ConferencePanel pageId={page.id} />}
      <section aria-labelledby="site-texts-heading" className="mb-5">
        <h2 id="site-texts-heading" className="h4">
          {t('website.languagesPanel.title')}
        </h2>
        <p>{t('website.languagesPanel.intro')}</p>
        <LanguagePicker page={page} withProblems={[...linkProblems.keys()]} />
        <TranslationEditor
          key={`${page.id}-${lang}`}
          page={page}
          lang={lang}
          linkProblems={linkProblems.get(lang) ?? []}
          onSaved={() => transition.reset()}
        />
      </section>
      <VersionsPanel key={`versions-${lang}`} pageId={page.id} lang={lang} />
      <SettingsPanel page={page} />
      <PageHistory history={page.history} />
    </>
  );
}

/** The ten languages, each with the state of its text: choosing one opens its editor (kept in the address). */
function LanguagePicker({ page, withProblems }: { page: TSitePageDetail; withProblems: TSiteLanguage[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('website.languagesPanel.pickerLabel')} className="mb-4">
      <ul className="list-unstyled row row-cols-2 row-cols-md-5 g-2">
        {SITE_LANGUAGES.map((code) => {
          const state = page.translations.find((tr) => tr.lang === code);
          const status = code === 'it' ? 'current' : (state?.status ?? 'missing');
          return (
            <li key={code} className="col">
              <Link
                to="/website/pages/$id"
                params={{ id: page.id }}
                search={code === 'it' ? {} : { lang: code }}
                className="btn btn-outline-primary btn-sm w-100 h-100 text-start"
                activeOptions={{ exact: true, includeSearch: true }}
              >
                <span className="d-block fw-semibold">{t(`website.languages.${code}`)}</span>
                <span className="d-block small">
                  {code === 'it' ? t('website.languagesPanel.original') : t(`website.translation.${status}`)}
                  {state?.publishedVersion ? ` · ${t('website.languagesPanel.public')}` : ''}
                </span>
                {withProblems.includes(code) && (
                  <span className="d-block small fw-semibold">{t('website.languagesPanel.brokenLinks')}</span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
