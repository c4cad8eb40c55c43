import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATES } from '../../../contracts/governance-codes.js';
import type { TAttendance } from '../../../contracts/governance-committees.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useCommitteeWords } from './committee-words.js';
import { useMeetingMutations } from './committees-api.js';

type TState = (typeof ATTENDANCE_STATES)[number];

/** Who was there, and whether the quorum is reached, in words; the chair or the secretary records it. */
export function AttendanceSection({
  meetingId,
  attendance,
  canRecord,
}: {
  meetingId: string;
  attendance: TAttendance;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const words = useCommitteeWords();
  const record = useMeetingMutations(meetingId).attendance;
  const [states, setStates] = useState<Record<string, TState | ''>>(() =>
    Object.fromEntries(attendance.entries.map((e) => [e.memberId, e.state ?? ''])),
  );
  const [saved, setSaved] = useState(false);
  const quorumText = attendance.quorumReached
    ? t('committees.attendance.quorumReached', {
        present: attendance.presentCount,
        quorum: attendance.quorum,
      })
    : t('committees.attendance.quorumMissing', {
        present: attendance.presentCount,
        quorum: attendance.quorum,
      });
  return (
    <section className="mb-5" aria-labelledby="meeting-attendance">
      <h2 id="meeting-attendance" className="h4">
        {t('committees.attendance.title')}
      </h2>
      <p className={`alert ${attendance.quorumReached ? 'alert-success' : 'alert-warning'}`} role="status">
        {quorumText}
      </p>
      {!canRecord ? (
        <ul>
          {attendance.entries.map((e) => (
            <li key={e.memberId}>
              {e.name} — {words.attendance(e.state)}
            </li>
          ))}
        </ul>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            const entries = Object.entries(states).flatMap(([memberId, state]) =>
              state ? [{ memberId, state }] : [],
            );
            if (entries.length === 0) return;
            record.mutate({ entries }, { onSuccess: () => setSaved(true) });
          }}
        >
          {attendance.entries.map((e) => (
            <fieldset key={e.memberId} className="mb-3">
              <legend className="h6 fw-semibold mb-1 px-0">
                {e.name} <span className="small fw-normal">({words.role(e.role)})</span>
              </legend>
              {ATTENDANCE_STATES.map((s) => (
                <div key={s} className="form-check form-check-inline">
                  <input
                    type="radio"
                    id={`att-${e.memberId}-${s}`}
                    name={`att-${e.memberId}`}
                    value={s}
                    checked={states[e.memberId] === s}
                    onChange={() => setStates((prev) => ({ ...prev, [e.memberId]: s }))}
                  />
                  <label htmlFor={`att-${e.memberId}-${s}`}>{words.attendance(s)}</label>
                </div>
              ))}
            </fieldset>
          ))}
          {record.error ? <ActionProblem error={record.error} /> : null}
          <FormActions>
            <button type="submit" className="btn btn-primary" disabled={record.isPending}>
              {t('committees.attendance.save')}
            </button>
          </FormActions>
          {saved && (
            <p role="status" className="small mt-1">
              {t('committees.attendance.saved')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
