import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../contracts/index.js';
import { saveLocale } from '../../features/auth/auth-api.js';
import { LOCALES, rememberChosenLocale, useLocale } from '../../i18n/index.js';
import { sessionQueryOptions } from '../../session/session.js';

const NATIVE_NAME: Record<TLocale, string> = { it: 'Italiano', en: 'English' };

/**
 * Two toggle buttons; each is named in its own language so both audiences find theirs. The name is
 * the button's own text: the visible code, then the language's name for screen readers ("EN
 * English"), so it starts with what is seen (WCAG 2.5.3: speech input says "EN").
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const current = useLocale();
  const queryClient = useQueryClient();

  async function choose(locale: TLocale) {
    if (locale === current) return;
    await i18n.changeLanguage(locale);
    if (!signedIn) rememberChosenLocale(locale);
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
          aria-pressed={locale === current}
          className={`btn btn-xs px-2 py-1 border border-white ${locale === current ? 'bg-white text-primary' : 'bg-transparent text-white'}`}
          onClick={() => void choose(locale)}
        >
          {locale.toUpperCase()}
          <span className="visually-hidden"> {NATIVE_NAME[locale]}</span>
        </button>
      ))}
    </div>
  );
}
