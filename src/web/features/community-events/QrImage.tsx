import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A QR made in the browser from an address (a ticket, the public page, the walk-in code): nothing
 * leaves for a third-party service. The image's words say what it opens.
 */
export function QrImage({
  value,
  alt,
  maxWidth = '20rem',
}: {
  value: string;
  alt: string;
  maxWidth?: string;
}) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => {
      if (live) setSvg(text);
    });
    return () => {
      live = false;
    };
  }, [value]);
  if (!svg) return <p role="status">{t('common.loading')}</p>;
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={alt}
      className="img-fluid bg-white p-2 border mb-2"
      style={{ width: '100%', maxWidth }}
    />
  );
}

/**
 * Prints one part of the page (a ticket, a poster): while the print dialog is open everything else
 * is hidden, as on a mediation's feedback sheet. Two such parts on one page never print together.
 */
export function printOnly(id: string): void {
  const style = document.createElement('style');
  style.textContent = `@media print { body * { visibility: hidden; } #${id}, #${id} * { visibility: visible; } #${id} { position: absolute; top: 0; left: 0; width: 100%; } }`;
  document.head.appendChild(style);
  const done = () => {
    style.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** The address a QR of the app opens: the server may give a path; a phone's camera needs it whole. */
export function absoluteUrl(pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${window.location.origin}${pathOrUrl}`;
}
