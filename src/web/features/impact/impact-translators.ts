import i18next, { type TFunction } from 'i18next';
import en from './i18n/en.json';
import it from './i18n/it.json';

/**
 * For the feature's unit tests: its catalogues, as the app loads them, in a private i18next
 * instance, as one translator per language.
 */
export async function impactTranslators(): Promise<{ tIt: TFunction; tEn: TFunction }> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { it: { translation: it }, en: { translation: en } },
    lng: 'it',
    fallbackLng: 'it',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return { tIt: instance.getFixedT('it'), tEn: instance.getFixedT('en') };
}
