import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type TAttentionItem, ZHomeSchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { addressContext } from '../../i18n/role-label.js';
import { useCan, useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { HomeActions } from '../governance-actions/HomeActions.js';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const home = useQuery({ queryKey: ['home'], queryFn: () => api('/api/home', { schema: ZHomeSchema }) });

  return (
    <>
      <PageHeading title={t('home.title')}>
        <p className="lead mb-0">
          {t('home.welcome', {
            name: session.user.displayName,
            ...addressContext(session.user.addressForm),
          })}
        </p>
      </PageHeading>
      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading" className="h4">
          {t('home.attention')}
        </h2>
        <AsyncContent query={home}>
          {(data) =>
            data.attention.length === 0 ? (
              <p className="callout success p-3">{t('home.nothing')}</p>
            ) : (
              <ul className="row list-unstyled g-3">
                {data.attention.map((item) => (
                  <AttentionCard key={item.kind} item={item} />
                ))}
              </ul>
            )
          }
        </AsyncContent>
      </section>
      {can('governance.read') && <HomeActions />}
    </>
  );
}

/** `link` is an app path chosen by the server, so it is followed through the router's history. */
function AttentionCard({ item }: { item: TAttentionItem }) {
  const { t } = useTranslation();
  const router = useRouter();
  const safeLink = item.link.startsWith('/') && !item.link.startsWith('//') ? item.link : '/';
  return (
    <li className="col-12 col-md-6 col-lg-4">
      <div className="card card-bg shadow-sm h-100">
        <div className="card-body">
          <h3 className="card-title h5">{t(`home.kinds.${item.kind}.title`)}</h3>
          <p className="card-text">{t(`home.kinds.${item.kind}.text`, { count: item.count })}</p>
          <a
            className="read-more"
            href={safeLink}
            onClick={(event) => {
              event.preventDefault();
              router.history.push(safeLink);
            }}
          >
            {t(`home.kinds.${item.kind}.action`)}
          </a>
        </div>
      </div>
    </li>
  );
}
