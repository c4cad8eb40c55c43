import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { TLocale } from '../../contracts/index.js';
import en from './en.json';
import it from './it.json';
import { type I18nBundle, mergeCatalogues } from './merge.js';

/** Only the UI language is kept in localStorage: it is not personal data. */
const STORAGE_KEY = 'trama.lang';
export const LOCALES: readonly TLocale[] = ['it', 'en'];

function storedLocale(): TLocale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'it' ? value : 'it';
  } catch {
    return 'it';
  }
}

function reflectLocale(locale: string): void {
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the language then lasts for this tab only.
  }
}

/**
 * The shared messages (common, nav, shell, validation, roles, enums…) here, each feature's in its own
 * bundle: merged into the one `translation` namespace, so every key path is the same as in one file.
 */
export async function initI18n(bundles: readonly I18nBundle[]): Promise<void> {
  const all: readonly I18nBundle[] = [{ it, en }, ...bundles];
  i18next.on('languageChanged', reflectLocale);
  await i18next.use(initReactI18next).init({
    resources: {
      it: { translation: mergeCatalogues(all.map((bundle) => bundle.it)) },
      en: { translation: mergeCatalogues(all.map((bundle) => bundle.en)) },
    },
    lng: storedLocale(),
    fallbackLng: 'it',
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
    showSupportNotice: false, // no vendor message in the operators' console
  });
  reflectLocale(i18next.language);
}

/**
 * A language chosen before signing in (on the login page) becomes the user's saved preference once
 * they are in: kept for this tab only, until it is taken. Not personal data.
 */
const CHOSEN_KEY = 'trama.lang.chosen';

export function rememberChosenLocale(locale: TLocale): void {
  try {
    window.sessionStorage.setItem(CHOSEN_KEY, locale);
  } catch {
    // Storage refused: the saved preference then wins at sign-in, as before.
  }
}

export function takeChosenLocale(): TLocale | null {
  try {
    const value = window.sessionStorage.getItem(CHOSEN_KEY);
    window.sessionStorage.removeItem(CHOSEN_KEY);
    return value === 'it' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** The current UI language, narrowed to the locales the server speaks. */
export function useLocale(): TLocale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'it';
}

export { i18next };
