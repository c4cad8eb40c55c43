import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerReauthDialog } from '../../session/reauth.js';
import { sessionQueryOptions } from '../../session/session.js';
import { TextField } from '../../ui/fields.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { login, verifyMfa } from './auth-api.js';

type Step = 'password' | 'code';

/**
 * "Session expired, sign in to continue": password and second factor in a modal dialog over the
 * page, so what was typed stays where it was (in memory only). The same user carries on, and the
 * call that failed is sent again; anyone else signing in starts from an empty app, so one user's
 * typing never reaches another's account.
 */
export function ReauthDialog({ onGiveUp }: { onGiveUp: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const answer = useRef<{ userId: string; resolve: (sameUser: boolean) => void } | null>(null);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    registerReauthDialog(
      (userId) =>
        new Promise<boolean>((resolve) => {
          answer.current = { userId, resolve };
          const session = queryClient.getQueryData(sessionQueryOptions.queryKey);
          setUsername(session?.user.username ?? '');
          setPassword('');
          setCode('');
          setError(null);
          setStep('password');
          setOpen(true);
        }),
    );
    return () => registerReauthDialog(null);
  }, [queryClient]);

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  function close(sameUser: boolean) {
    setOpen(false);
    setPassword('');
    setCode('');
    answer.current?.resolve(sameUser);
    answer.current = null;
  }

  async function finish() {
    const session = await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    if (session && session.user.id === answer.current?.userId) return close(true);
    // Someone else signed in: nothing typed for the previous user survives (a fresh app).
    close(false);
    queryClient.clear();
    window.location.assign('/');
  }

  async function run(work: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (step === 'code') {
        await verifyMfa({ code });
        return finish();
      }
      const result = await login(username, password);
      setPassword('');
      if (result.state === 'authenticated') return finish();
      if (result.state === 'mfa_required') return setStep('code');
      // A second factor still to enrol is done on its own pages.
      close(false);
      onGiveUp();
    });
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="reauth-title"
      aria-describedby="reauth-intro"
      className="reauth-dialog border-0 rounded shadow p-4"
      // Escape would leave the page behind a dead session: the user chooses below.
      onCancel={(event) => event.preventDefault()}
    >
      {open && (
        <form onSubmit={submit} noValidate>
          <h2 id="reauth-title" className="h4">
            {t('auth.reauth.title')}
          </h2>
          <p id="reauth-intro">{t('auth.reauth.intro')}</p>
          {error ? <ProblemAlert error={error} /> : null}
          {step === 'password' ? (
            <>
              <TextField
                id="reauth-username"
                label={t('auth.login.username')}
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
              />
              <TextField
                id="reauth-password"
                type="password"
                label={t('auth.login.password')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                autoFocus
              />
            </>
          ) : (
            <TextField
              id="reauth-code"
              label={t('auth.mfa.code')}
              hint={t('auth.mfa.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
              autoFocus
            />
          )}
          <div className="d-flex flex-wrap gap-2 mt-3">
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {step === 'password' ? t('auth.reauth.submit') : t('auth.mfa.submit')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary"
              onClick={() => {
                close(false);
                onGiveUp();
              }}
            >
              {t('auth.reauth.leave')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
