import { useEffect, useRef, useState } from 'react';

/**
 * What an action did, said where the focus goes once its form has closed (the button that was used
 * is gone): a status line, empty and hidden until there is something to say.
 */
export function useNoticeLine() {
  const [text, setText] = useState('');
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  const notice = (
    <p ref={ref} tabIndex={-1} role="status" className={text ? 'my-3 fw-semibold' : 'visually-hidden'}>
      {text}
    </p>
  );
  return [notice, setText] as const;
}
