/*
 * Pages that show a case record (households and their people, referrals, cases, sessions) say so
 * on their route: `staticData: CASE_RECORD`. The app shell then prints only a notice instead of the
 * page (the case record is printed later as an audited PDF, never from the browser).
 */
declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    caseRecord?: boolean;
  }
}

export const CASE_RECORD = { caseRecord: true } as const;
