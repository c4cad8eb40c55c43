import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { MembershipsSection } from './MembershipsSection.js';
import { ProfileSection } from './ProfileSection.js';
import { SessionsSection } from './SessionsSection.js';
import { useUser } from './users-api.js';

export function UserDetailPage({ userId, invited }: { userId: string; invited?: boolean | undefined }) {
  const { t } = useTranslation();
  const user = useUser(userId);
  const can = useCan();

  return (
    <>
      <p className="mb-2">
        <Link to="/users" activeOptions={{ exact: true }}>
          {t('users.detail.back')}
        </Link>
      </p>
      <AsyncContent query={user} notFound={<NotFoundPage />}>
        {(data) => (
          <>
            <PageHeading title={data.displayName}>
              <p className="mb-0 text-secondary">{data.username}</p>
            </PageHeading>
            {invited !== undefined && (
              <div className={`alert ${invited ? 'alert-success' : 'alert-warning'}`} role="status">
                {invited ? t('users.detail.invited') : t('users.detail.notInvited')}
              </div>
            )}
            <ProfileSection user={data} />
            <MembershipsSection user={data} />
            {can('sessions.revoke') && <SessionsSection userId={data.id} />}
          </>
        )}
      </AsyncContent>
    </>
  );
}
