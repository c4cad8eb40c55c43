-- Questionnaires (issue 17 §5, ADR 0019). Every member reads a questionnaire (to answer it); the
-- trainers of the owning service write one. Answers and the marks of who answered are out of the
-- request role's reach altogether: they are written and read only as the owner, by the service,
-- which gives results in aggregate with at least five people behind each number.
ALTER TABLE training_questionnaires ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_questionnaires FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_questionnaires_system ON training_questionnaires TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY training_questionnaires_read ON training_questionnaires FOR SELECT TO trama_app
  USING ((SELECT trama_user()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY training_questionnaires_insert ON training_questionnaires FOR INSERT TO trama_app
  WITH CHECK ((SELECT trama_role()) = 'trainer' AND owner_service_id = (SELECT trama_service())
    AND created_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON training_questionnaires TO trama_app;
--> statement-breakpoint
ALTER TABLE training_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_responses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_responses_system ON training_responses TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE training_response_marks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_response_marks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_response_marks_system ON training_response_marks TO CURRENT_USER USING (true) WITH CHECK (true);
