CREATE TABLE "session_research_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body_encrypted" text NOT NULL,
	"written_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_outside_participants" DROP CONSTRAINT "session_outside_participants_role_check";--> statement-breakpoint
ALTER TABLE "session_research_notes" ADD CONSTRAINT "session_research_notes_session_id_case_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."case_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_research_notes" ADD CONSTRAINT "session_research_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_research_notes_author_idx" ON "session_research_notes" USING btree ("author_id","session_id");--> statement-breakpoint
ALTER TABLE "session_outside_participants" ADD CONSTRAINT "session_outside_participants_role_check" CHECK ("session_outside_participants"."role" in ('referring_professional', 'teacher', 'first_line_worker', 'health_professional', 'interpreter', 'researcher', 'other'));--> statement-breakpoint
-- Researchers take part in a case's sessions only when every person of the case has a research
-- consent in force for the researcher's service (issue 22, item 4); the same test guards recording
-- them and each note they write, so a revoked consent stops the notes at once.
CREATE FUNCTION trama_research_consented(p_case uuid, p_researcher uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT EXISTS (SELECT 1 FROM public.cases c JOIN public.referral_people rp ON rp.referral_id = c.referral_id
                   WHERE c.id = p_case)
      AND NOT EXISTS (
        SELECT 1 FROM public.cases c JOIN public.referral_people rp ON rp.referral_id = c.referral_id
         WHERE c.id = p_case AND NOT EXISTS (
           SELECT 1 FROM public.consents k JOIN public.memberships m
               ON m.user_id = p_researcher AND m.role = 'researcher'
              AND (k.recipient_service_id IS NULL OR k.recipient_service_id = m.service_id)
            WHERE k.person_id = rp.person_id AND k.purpose = 'research' AND k.revoked_at IS NULL
              AND (k.expires_on IS NULL OR k.expires_on >= current_date)))
      AND EXISTS (SELECT 1 FROM public.users u JOIN public.memberships m ON m.user_id = u.id
                   WHERE u.id = p_researcher AND m.role = 'researcher' AND u.disabled_at IS NULL) $$;
--> statement-breakpoint
CREATE FUNCTION trama_session_research_consented(p_session uuid, p_researcher uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT public.trama_research_consented(
     (SELECT s.case_id FROM public.case_sessions s WHERE s.id = p_session), p_researcher) $$;
--> statement-breakpoint
-- The sessions the acting user takes part in as a researcher.
CREATE FUNCTION trama_research_sessions() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT o.session_id), '{}') FROM public.session_outside_participants o
    WHERE o.user_id = public.trama_user() AND o.role = 'researcher' $$;
--> statement-breakpoint
DROP POLICY session_outside_participants_insert ON session_outside_participants;
--> statement-breakpoint
CREATE POLICY session_outside_participants_insert ON session_outside_participants FOR INSERT TO trama_app
  WITH CHECK (added_by = (SELECT trama_user()) AND session_id IN (SELECT s.id FROM case_sessions s
    WHERE s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
      AND (role <> 'researcher' OR (user_id IS NOT NULL AND trama_research_consented(s.case_id, user_id)))));
--> statement-breakpoint
-- A researcher sees the rows that record them, and nothing else of the session's participants.
CREATE POLICY session_outside_participants_own ON session_outside_participants FOR SELECT TO trama_app
  USING (role = 'researcher' AND user_id = (SELECT trama_user()));
--> statement-breakpoint
ALTER TABLE session_research_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE session_research_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY session_research_notes_system ON session_research_notes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY session_research_notes_read ON session_research_notes FOR SELECT TO trama_app
  USING (author_id = (SELECT trama_user()));
--> statement-breakpoint
CREATE POLICY session_research_notes_insert ON session_research_notes FOR INSERT TO trama_app
  WITH CHECK (author_id = (SELECT trama_user())
    AND session_id = ANY ((SELECT trama_research_sessions())::uuid[])
    AND trama_session_research_consented(session_id, author_id));
--> statement-breakpoint
GRANT SELECT, INSERT ON session_research_notes TO trama_app;
