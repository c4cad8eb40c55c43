-- The field log of experiential training (issue 17 §6, ADR 0019): written by the trainee on their
-- own confirmed place, read by them and by the edition's trainers, who add their feedback. A case
-- is named only by a member of its team (checked here as well as in the service).
ALTER TABLE training_field_logs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_field_logs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_field_logs_system ON training_field_logs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY training_field_logs_read ON training_field_logs FOR SELECT TO trama_app
  USING (created_by = (SELECT trama_user())
    OR place_id IN (SELECT p.id FROM gathering_places p
                     WHERE p.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])));
--> statement-breakpoint
CREATE POLICY training_field_logs_insert ON training_field_logs FOR INSERT TO trama_app
  WITH CHECK (created_by = (SELECT trama_user())
    AND place_id IN (SELECT p.id FROM gathering_places p WHERE p.user_id = (SELECT trama_user()) AND p.status = 'confirmed')
    AND (case_id IS NULL OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])));
--> statement-breakpoint
CREATE POLICY training_field_logs_feedback ON training_field_logs FOR UPDATE TO trama_app
  USING (place_id IN (SELECT p.id FROM gathering_places p
                       WHERE p.gathering_id = ANY ((SELECT trama_managed_gatherings())::uuid[])))
  WITH CHECK (feedback_by = (SELECT trama_user()));
--> statement-breakpoint
GRANT SELECT, INSERT ON training_field_logs TO trama_app;
--> statement-breakpoint
GRANT UPDATE (feedback, feedback_by, feedback_at) ON training_field_logs TO trama_app;
