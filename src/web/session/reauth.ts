/**
 * Signing in again without leaving the page. The dialog that asks (features/auth/ReauthDialog)
 * registers itself here; the API client's 401 handler asks through `reauthenticate`. However many
 * calls failed at once, one dialog answers them all: true when the same user signed in again.
 */
type Opener = (userId: string) => Promise<boolean>;

let opener: Opener | null = null;
let pending: Promise<boolean> | null = null;

export function registerReauthDialog(open: Opener | null): void {
  opener = open;
}

/** null when no dialog is mounted (the caller then goes to the login page). */
export function reauthenticate(userId: string): Promise<boolean> | null {
  if (!opener) return null;
  pending ??= opener(userId).finally(() => {
    pending = null;
  });
  return pending;
}
