import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../contracts/index.js';
import { saveLocale } from '../../features/auth/auth-api.js';
import { LOCALES, useLocale } from '../../i18n/index.js';
import { sessionQueryOptions } from '../../session/session.js';

const NATIVE_NAME: Record<TLocale, string> = { it: 'Italiano', en: 'English' };

/**
 * Two toggle buttons; each is named in its own language (and contains its visible code, WCAG 2.5.3)
 * so both audiences find theirs.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const current = useLocale();
  const queryClient = useQueryClient();

  async function choose(locale: TLocale) {
    if (locale === current) return;
    await i18n.changeLanguage(locale);
    if (signedIn) {
      // The preference follows the user to other devices; a failure here only loses that.
      saveLocale(locale)
        .then(() => queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey }))
        .catch(() => undefined);
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div role="group" aria-label={t('shell.language')} className="d-flex gap-1 align-items-center">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-label={`${NATIVE_NAME[locale]} (${locale.toUpperCase()})`}
          aria-pressed={locale === current}
          className={`btn btn-xs px-2 py-1 border border-white ${locale === current ? 'bg-white text-primary' : 'bg-transparent text-white'}`}
          onClick={() => void choose(locale)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
