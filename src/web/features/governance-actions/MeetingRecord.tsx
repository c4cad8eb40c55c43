/** A meeting's minutes, decisions and actions, shown on the meeting's page (committees feature). */
export function MeetingRecord(_props: { meetingId: string }) {
  return null;
}
