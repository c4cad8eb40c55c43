import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMedia } from '../../../contracts/website-media.js';
import { TextField } from '../../ui/fields.js';
import { insertCode } from './media-forms.js';

/**
 * The code that shows the image in a page's text, read-only (selected whole when focused), and a
 * button that copies it. Where the clipboard cannot be written, the code is selected to copy by hand.
 */
export function MediaInsertCode({ media }: { media: TMedia }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const code = insertCode(media.path);
  const id = `media-${media.id}-code`;

  const copy = async () => {
    setCopied(null);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setCopied('done');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="mb-3">
      <TextField
        ref={input}
        id={id}
        label={t('website.media.code.label')}
        hint={t('website.media.code.hint')}
        className="mb-2"
        value={code}
        readOnly
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        onFocus={(event) => event.currentTarget.select()}
        style={{ fontFamily: 'var(--bs-font-monospace, monospace)' }}
      />
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        aria-label={t('website.media.code.copyNamed', { name: media.name })}
        onClick={() => void copy()}
      >
        {t('website.media.code.copy')}
      </button>
      <div role="status" className="small mt-1">
        {copied && t(copied === 'done' ? 'website.media.code.copied' : 'website.media.code.copyFailed')}
      </div>
    </div>
  );
}
