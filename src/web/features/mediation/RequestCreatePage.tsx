import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../session/session.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useCreateRequest, useOwnPhone } from './mediation-api.js';
import { RequestForm } from './RequestForm.js';
import { WhenReferenceLoaded } from './reference-names.js';
import { newRequestValues } from './request-form.js';

/** A new request for a mediator; once saved, its page shows the ranked matches. */
export function RequestCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const can = useCan();
  const create = useCreateRequest();
  // The contact starts as the phone of one's own profile, when the profile has one.
  const phone = useOwnPhone(session.user.id, can('users.read'));
  const waitingForPhone = can('users.read') && phone.isPending;
  return (
    <>
      <PageHeading title={t('mediation.create.title')}>
        <p className="mb-2">{t('mediation.create.intro')}</p>
        <Link to="/mediation/requests">{t('mediation.backToRequests')}</Link>
      </PageHeading>
      {waitingForPhone ? (
        <Loading />
      ) : (
        <WhenReferenceLoaded>
          {() => (
            <RequestForm
              defaultValues={newRequestValues(phone.data ?? '')}
              error={create.error}
              onSubmit={async (body) => {
                const request = await create.mutateAsync(body);
                await navigate({ to: '/mediation/requests/$requestId', params: { requestId: request.id } });
              }}
              onCancel={() => navigate({ to: '/mediation/requests' })}
            />
          )}
        </WhenReferenceLoaded>
      )}
    </>
  );
}
