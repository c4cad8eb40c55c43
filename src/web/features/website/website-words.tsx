import { useTranslation } from 'react-i18next';
import { RTL_LANGUAGES } from '../../../contracts/community-codes.js';
import type { TSiteLanguage, TSiteState, TTranslationStatus } from '../../../contracts/website.js';

/** A field or text written in a language: its `lang`, and right to left for Arabic and Urdu. */
export function textAttrs(lang: TSiteLanguage): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang, dir: RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr' };
}

const STATE_TONE: Record<TSiteState, string> = {
  draft: 'bg-secondary',
  in_review: 'bg-warning text-dark',
  approved: 'bg-info text-dark',
  scheduled: 'bg-primary',
  published: 'bg-success',
  archived: 'bg-dark',
};

/** A page's state in words, as a badge. */
export function StateBadge({ state }: { state: TSiteState }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATE_TONE[state]}`}>{t(`website.states.${state}`)}</span>;
}

const STATUS_TONE: Record<TTranslationStatus, string> = {
  missing: 'bg-light text-dark border',
  outdated: 'bg-warning text-dark',
  current: 'bg-success',
};

/**
 * A language's translation status, compact ("AR mancante"): the short code is shown, the
 * language's name is what a screen reader reads and what a pointer's tooltip says.
 */
export function TranslationBadge({ lang, status }: { lang: TSiteLanguage; status: TTranslationStatus }) {
  const { t } = useTranslation();
  const name = t(`website.languages.${lang}`);
  const word = t(`website.translation.${status}`);
  return (
    <span className={`badge ${STATUS_TONE[status]} me-1 mb-1`} title={`${name}: ${word}`}>
      <span aria-hidden="true">{lang.toUpperCase()}</span>
      <span className="visually-hidden">{name}</span> {word}
    </span>
  );
}

/** The translations that need work (missing or out of date), as badges; a word when there are none. */
export function TranslationBadges({
  translations,
}: {
  translations: readonly { lang: TSiteLanguage; status: TTranslationStatus }[];
}) {
  const { t } = useTranslation();
  const pending = translations.filter((tr) => tr.lang !== 'it' && tr.status !== 'current');
  if (pending.length === 0) return <span className="small">{t('website.list.allCurrent')}</span>;
  return (
    <span className="d-inline-flex flex-wrap">
      {pending.map((tr) => (
        <TranslationBadge key={tr.lang} lang={tr.lang} status={tr.status} />
      ))}
    </span>
  );
}

/** A language's name inside a sentence: lower case in Italian ("Testo in arabo"), as written in English. */
export function useLanguageInSentence() {
  const { t, i18n } = useTranslation();
  return (lang: TSiteLanguage) => {
    const name = t(`website.languages.${lang}`);
    return i18n.language === 'en' ? name : name.toLocaleLowerCase('it');
  };
}
