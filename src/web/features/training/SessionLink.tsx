import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The session's attendance page (the rotating QR, the register), served by the attendance feature. */
export function SessionLink({
  sessionId,
  editionId,
  n,
}: {
  sessionId: string;
  editionId: string;
  n: number;
}) {
  const { t } = useTranslation();
  return (
    <Link to="/training/sessions/$sessionId" params={{ sessionId }} search={{ edition: editionId }}>
      {t('courses.session.attendance', { n })}
    </Link>
  );
}
