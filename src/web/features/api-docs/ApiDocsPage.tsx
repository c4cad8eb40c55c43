import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { groupOperations, ZOpenApiSchema } from './openapi.js';

/** A plain, accessible reading of the server's OpenAPI document (no swagger-ui: CSP and a11y). */
export function ApiDocsPage() {
  const { t } = useTranslation();
  const doc = useQuery({
    queryKey: ['openapi'],
    queryFn: () => api('/api/openapi.json', { schema: ZOpenApiSchema }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <>
      <PageHeading title={t('apiDocs.title')}>
        <p className="mb-0">
          {t('apiDocs.intro')} <a href="/api/openapi.json">{t('apiDocs.download')}</a>
        </p>
      </PageHeading>
      <AsyncContent query={doc}>
        {(data) => {
          const groups = groupOperations(data, t('apiDocs.untagged'));
          return (
            <>
              {data.info?.version && (
                <p className="text-secondary">{t('apiDocs.version', { version: data.info.version })}</p>
              )}
              {groups.length === 0 && <p>{t('apiDocs.empty')}</p>}
              {groups.map(([tag, operations], index) => (
                <section key={tag} aria-labelledby={`api-tag-${index}`} className="mb-5">
                  <h2 id={`api-tag-${index}`} className="h4">
                    {tag}
                  </h2>
                  <ul className="list-unstyled">
                    {operations.map((op) => (
                      <li key={`${op.method} ${op.path}`} className="border-bottom py-2">
                        <p className="mb-1">
                          <span className="badge bg-primary me-2 text-uppercase">{op.method}</span>
                          <code className="fw-semibold">{op.path}</code>
                          {op.deprecated && (
                            <span className="badge bg-secondary ms-2">{t('apiDocs.deprecated')}</span>
                          )}
                        </p>
                        {op.summary && <p className="mb-1">{op.summary}</p>}
                        <p className="mb-0 small">
                          <span className="fw-semibold">{t('apiDocs.access')}:</span>{' '}
                          {op.access.length
                            ? op.access.map((a) => (
                                <code key={a} className="me-2">
                                  {a}
                                </code>
                              ))
                            : t('apiDocs.accessUnknown')}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}
