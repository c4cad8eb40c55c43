-- Matching (ADR 0020) asks, for a request's people, which users must never reach them. Asked per
-- candidate with trama_blocked_people_of(user), it cost about 0.6 ms a mediator (95 % of a match
-- against 2,000 mediators); this inverse answers once per request: the users with a
-- conflict-of-interest lock on those people, and the users who follow a perpetrator (the clinical
-- team of his case, a live break-the-glass grant into it) of a household where one of them is
-- protected from him. The same rule as trama_blocked_people_of, read the other way.
CREATE FUNCTION trama_users_blocked_from(people uuid[]) RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT x.user_id FROM public.person_exclusions x WHERE x.person_id = ANY (people)
   UNION
   SELECT f.user_id FROM (
       SELECT t.user_id, t.case_id FROM public.case_team t WHERE t.team_role IN ('lead', 'member')
       UNION
       SELECT g.user_id, g.record_id FROM public.break_glass_grants g
        WHERE g.record_type = 'case' AND g.revoked_at IS NULL AND g.expires_at > now()) f
     JOIN public.cases c ON c.id = f.case_id
     JOIN public.referral_people rp ON rp.referral_id = c.referral_id
     JOIN public.people p ON p.id = rp.person_id AND p.case_role = 'perpetrator'
    WHERE EXISTS (SELECT 1 FROM public.people v WHERE v.id = ANY (people) AND v.household_id = p.household_id
                   AND v.id <> p.id AND public.trama_is_protected(v.case_role, v.at_risk, v.birth_date, v.birth_year)) $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_users_blocked_from(uuid[]) FROM PUBLIC;
