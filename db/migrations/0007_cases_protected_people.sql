-- Case management: who follows a perpetrator, and whom that perpetrator may harm (ADR 0008, item 5).
-- A perpetrator may harm more than the people recorded as victims: the minors of the household and
-- anyone a practitioner marks as at risk. His followers are the clinical team of his case (lead,
-- member) and whoever holds a live break-the-glass grant into it; the referrer (often the family's
-- own social worker) and the mediator do not follow him and keep the rest of the household.
ALTER TABLE people ADD COLUMN at_risk boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- A minor from the birth date, else from the year (the younger age, as ageOf in cases.people.ts),
-- else from the case role: a child with no birth data is taken to be a minor.
CREATE FUNCTION trama_is_minor(birth_date date, birth_year smallint, case_role text) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN birth_date IS NOT NULL THEN birth_date > current_date - interval '18 years'
               WHEN birth_year IS NOT NULL THEN birth_year > extract(year FROM current_date) - 19
               ELSE case_role = 'child' END $$;
--> statement-breakpoint
CREATE FUNCTION trama_is_protected(case_role text, at_risk boolean, birth_date date, birth_year smallint)
RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT case_role = 'victim' OR at_risk OR public.trama_is_minor(birth_date, birth_year, case_role) $$;
--> statement-breakpoint
-- The people a user must never reach because they follow a perpetrator of their household. (The
-- lead of record is always on the team as its lead: accepting and the team update both see to it,
-- so cases.lead_user_id, which has no index, is not scanned here.)
CREATE FUNCTION trama_followed_protected_of(u uuid) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT v.id), '{}') FROM (
     SELECT t.case_id FROM public.case_team t WHERE t.user_id = u AND t.team_role IN ('lead', 'member')
     UNION SELECT g.record_id FROM public.break_glass_grants g
            WHERE g.user_id = u AND g.record_type = 'case' AND g.revoked_at IS NULL AND g.expires_at > now()) f
     JOIN public.cases c ON c.id = f.case_id
     JOIN public.referral_people rp ON rp.referral_id = c.referral_id
     JOIN public.people p ON p.id = rp.person_id AND p.case_role = 'perpetrator'
     JOIN public.people v ON v.household_id = p.household_id AND v.id <> p.id
      AND public.trama_is_protected(v.case_role, v.at_risk, v.birth_date, v.birth_year) $$;
--> statement-breakpoint
-- The people a user must never reach: a conflict-of-interest lock names them, or the user follows a
-- perpetrator of their household and they are protected from him.
CREATE OR REPLACE FUNCTION trama_blocked_people_of(u uuid) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT b.id), '{}') FROM (
     SELECT x.person_id AS id FROM public.person_exclusions x WHERE x.user_id = u
     UNION
     SELECT unnest(public.trama_followed_protected_of(u))) b $$;
--> statement-breakpoint
-- Whether a user stands on both sides: follows a perpetrator while on the team (any role) of, or
-- holding a live grant into, a case of someone protected from him. Asked after a team change, an
-- acceptance or a grant, inside its transaction, so the rule holds whichever side came first.
CREATE FUNCTION trama_straddles_perpetrator(u uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT EXISTS (
     SELECT 1 FROM public.cases c JOIN public.referral_people rp ON rp.referral_id = c.referral_id
      WHERE rp.person_id = ANY (public.trama_followed_protected_of(u))
        AND (c.id IN (SELECT t.case_id FROM public.case_team t WHERE t.user_id = u)
          OR c.id IN (SELECT g.record_id FROM public.break_glass_grants g WHERE g.user_id = u
                       AND g.record_type = 'case' AND g.revoked_at IS NULL AND g.expires_at > now()))) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_straddles_perpetrator(uuid) TO trama_app;
--> statement-breakpoint
-- A case's people are read with the case: the team of another service and a break-the-glass grant
-- open the case but not its referral, and the people list must not depend on the referral row.
DROP POLICY referral_people_app ON referral_people;
--> statement-breakpoint
CREATE POLICY referral_people_read ON referral_people FOR SELECT TO trama_app USING (
  referral_id IN (SELECT id FROM referrals) OR referral_id IN (SELECT o.referral_id FROM openable_cases o));
--> statement-breakpoint
CREATE POLICY referral_people_insert ON referral_people FOR INSERT TO trama_app
  WITH CHECK (referral_id IN (SELECT id FROM referrals WHERE status = 'draft'));
--> statement-breakpoint
CREATE POLICY referral_people_delete ON referral_people FOR DELETE TO trama_app
  USING (referral_id IN (SELECT id FROM referrals));
--> statement-breakpoint
-- The lists of people behind the rule are the database's own: trama_app gets only yes/no answers
-- about one user (whether they are blocked from given people, whether they straddle), and the
-- list for the signed-in user through trama_blocked_people(), never another user's list.
CREATE FUNCTION trama_is_blocked_from(u uuid, people uuid[]) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT public.trama_blocked_people_of(u) && people $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION trama_blocked_people() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT public.trama_blocked_people_of(public.trama_user()) $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_blocked_people_of(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_followed_protected_of(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_is_blocked_from(uuid, uuid[]) TO trama_app;
