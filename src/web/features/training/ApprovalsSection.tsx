import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ZPlaceSchema } from '../../../contracts/gatherings.js';
import { ZApprovalsSchema } from '../../../contracts/training.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { trainingKeys } from './training-api.js';

/** A coordinator's requests to decide, across editions (where Home's notice leads). */
export function ApprovalsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const approvals = useQuery({
    queryKey: [...trainingKeys.all, 'approvals'],
    queryFn: () => api('/api/training/approvals', { schema: ZApprovalsSchema }),
  });
  const decide = useMutation({
    mutationFn: ({ placeId, approve }: { placeId: string; approve: boolean }) =>
      api(`/api/training/places/${encodeURIComponent(placeId)}/decision`, {
        method: 'POST',
        body: { approve },
        schema: ZPlaceSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
  return (
    <section id="approvals" aria-labelledby="approvals-title" className="mb-4">
      <h2 id="approvals-title" className="h4">
        {t('courses.approvals.title')}
      </h2>
      {decide.isError && <ProblemAlert error={decide.error} />}
      <AsyncContent query={approvals}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('courses.approvals.none')}</p>
          ) : (
            <DataTable caption={t('courses.approvals.caption', { count: rows.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('courses.approvals.person')}</th>
                  <th scope="col">{t('courses.approvals.course')}</th>
                  <th scope="col">{t('courses.approvals.requestedAt')}</th>
                  <th scope="col">{t('courses.approvals.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.place.id}>
                    <td>{row.place.participantName}</td>
                    <td>
                      <Link to="/training/editions/$editionId" params={{ editionId: row.editionId }}>
                        {row.startsAt
                          ? t('courses.approvals.edition', {
                              title: row.courseTitle,
                              date: formatDateTime(row.startsAt, locale),
                            })
                          : row.courseTitle}
                      </Link>
                    </td>
                    <td>{formatDateTime(row.place.requestedAt, locale)}</td>
                    <td>
                      <div className="d-flex flex-wrap gap-2">
                        <button
                          type="button"
                          className="btn btn-primary btn-sm"
                          disabled={decide.isPending}
                          onClick={() => decide.mutate({ placeId: row.place.id, approve: true })}
                        >
                          {t('courses.approvals.approve', { name: row.place.participantName })}
                        </button>
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          disabled={decide.isPending}
                          onClick={() => decide.mutate({ placeId: row.place.id, approve: false })}
                        >
                          {t('courses.approvals.refuse', { name: row.place.participantName })}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </section>
  );
}
