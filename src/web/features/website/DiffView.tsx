import { useTranslation } from 'react-i18next';
import type { TSiteDiff, TSiteLanguage } from '../../../contracts/website.js';
import { textAttrs } from './website-words.js';

type Run = TSiteDiff['body'][number];

const ADDED = { backgroundColor: '#d7f0dd', textDecoration: 'underline' };
const REMOVED = { backgroundColor: '#fbdcdc', textDecoration: 'line-through' };

/**
 * Two versions' differences, word by word: added text in `<ins>`, removed in `<del>`. A screen
 * reader does not announce those elements, so each change also says in words where it starts and ends.
 */
export function DiffView({ diff, lang }: { diff: TSiteDiff; lang: TSiteLanguage }) {
  const { t } = useTranslation();
  const changed = [...diff.title, ...diff.body].some((run) => run.kind !== 'same');
  return (
    <div>
      <p className="small">{changed ? t('website.diff.legend') : t('website.diff.noChange')}</p>
      <h4 className="h6">{t('website.diff.titleField')}</h4>
      <p {...textAttrs(lang)}>
        <Runs runs={diff.title} />
      </p>
      <h4 className="h6">{t('website.diff.bodyField')}</h4>
      <div
        className="border rounded p-3"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        {...textAttrs(lang)}
      >
        <Runs runs={diff.body} />
      </div>
    </div>
  );
}

function Runs({ runs }: { runs: Run[] }) {
  const { t } = useTranslation();
  return (
    <>
      {runs.map((run, i) => {
        // Runs have no identity of their own: their position in the diff is theirs.
        const key = `${i}-${run.kind}`;
        if (run.kind === 'same') return <span key={key}>{run.text}</span>;
        const Tag = run.kind === 'added' ? 'ins' : 'del';
        const words = run.kind === 'added' ? 'added' : 'removed';
        return (
          <Tag key={key} style={run.kind === 'added' ? ADDED : REMOVED}>
            <span className="visually-hidden">[{t(`website.diff.${words}Start`)}] </span>
            {run.text}
            <span className="visually-hidden"> [{t(`website.diff.${words}End`)}]</span>
          </Tag>
        );
      })}
    </>
  );
}
