import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  type TAttendanceRow,
  type TAttendanceStatus,
} from '../../../contracts/gatherings.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useAttendance, useSaveMarks } from './attendance-api.js';

type Draft = Record<string, TAttendanceStatus>;

/**
 * The confirmed participants, one card each with four big buttons. A tap saves at once; in the
 * signature-sheet mode the taps are collected and saved together as copied from the signed sheet.
 */
export function AttendanceList({ sessionId, live }: { sessionId: string; live: boolean }) {
  const { t } = useTranslation();
  const rows = useAttendance(sessionId, live);
  const save = useSaveMarks(sessionId);
  const [sheet, setSheet] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const mark = (placeId: string, status: TAttendanceStatus) => {
    setSaved(null);
    if (sheet) setSheet({ ...sheet, [placeId]: status });
    else save.mutate({ marks: [{ placeId, status }], source: 'trainer' });
  };
  const saveSheet = () => {
    if (!sheet) return;
    const marks = Object.entries(sheet).map(([placeId, status]) => ({ placeId, status }));
    save.mutate(
      { marks, source: 'signature_sheet' },
      {
        onSuccess: () => {
          setSheet(null);
          setSaved(t('attendance.sheet.saved', { count: marks.length }));
        },
      },
    );
  };
  const pending = sheet ? Object.keys(sheet).length : 0;

  return (
    <section aria-labelledby="attendance-list-heading">
      <h2 id="attendance-list-heading" className="h4">
        {t('attendance.list.title')}
      </h2>
      <div className="mb-3">
        <button
          type="button"
          className="btn btn-outline-primary w-100"
          aria-pressed={sheet !== null}
          onClick={() => {
            setSaved(null);
            save.reset();
            setSheet(sheet ? null : {});
          }}
        >
          {t('attendance.sheet.toggle')}
        </button>
      </div>
      {sheet && <p className="callout note p-3">{t('attendance.sheet.intro')}</p>}
      {save.isError && <ProblemAlert error={save.error} />}
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      <AsyncContent query={rows}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('attendance.list.empty')}</p>
          ) : (
            <ul className="list-unstyled">
              {items.map((row) => (
                <PersonCard
                  key={row.placeId}
                  row={row}
                  chosen={sheet ? (sheet[row.placeId] ?? null) : row.status}
                  onMark={(status) => mark(row.placeId, status)}
                />
              ))}
            </ul>
          )
        }
      </AsyncContent>
      {sheet && (
        <div className="d-flex flex-column gap-2 mb-4">
          <button
            type="button"
            className="btn btn-primary btn-lg"
            disabled={pending === 0 || save.isPending}
            onClick={saveSheet}
          >
            {t('attendance.sheet.save', { count: pending })}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={() => setSheet(null)}>
            {t('attendance.sheet.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

function PersonCard({
  row,
  chosen,
  onMark,
}: {
  row: TAttendanceRow;
  chosen: TAttendanceStatus | null;
  onMark: (status: TAttendanceStatus) => void;
}) {
  const { t } = useTranslation();
  const headingId = `person-${row.placeId}`;
  return (
    <li className="card shadow-sm mb-3">
      <div className="card-body p-3">
        <h3 id={headingId} className="h5 mb-1">
          {row.participantName}
        </h3>
        <p className="mb-2">
          {row.status
            ? t('attendance.list.marked', {
                status: t(`enums.attendanceStatus.${row.status}`),
                source: row.source ? t(`enums.attendanceSource.${row.source}`) : '—',
              })
            : t('attendance.list.notMarked')}
        </p>
        <fieldset aria-labelledby={headingId}>
          <div className="row g-2">
            {ATTENDANCE_STATUSES.map((status) => (
              <div key={status} className="col-6">
                <button
                  type="button"
                  className={`btn btn-lg w-100 ${chosen === status ? 'btn-primary' : 'btn-outline-primary'}`}
                  aria-pressed={chosen === status}
                  onClick={() => onMark(status)}
                >
                  {chosen === status && <span aria-hidden="true">✓ </span>}
                  {t(`enums.attendanceStatus.${status}`)}
                </button>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    </li>
  );
}
