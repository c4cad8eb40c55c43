ALTER TABLE "case_documents" DROP CONSTRAINT "case_documents_attached_kind_check";--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_attached_kind_check" CHECK ("case_documents"."attached_kind" in ('household', 'case', 'session', 'consultation'));--> statement-breakpoint
-- A consultation's documents (issue 22, item 6) hang on the consultation, not on the household it
-- concerns: a household's viewers (the first-line service among them) must not read them. Read by the
-- consultation's team and the consulting service's coordinators, added and removed by its team.
DROP POLICY case_documents_read ON case_documents;
--> statement-breakpoint
DROP POLICY case_documents_insert ON case_documents;
--> statement-breakpoint
DROP POLICY case_documents_update ON case_documents;
--> statement-breakpoint
CREATE POLICY case_documents_read ON case_documents FOR SELECT TO trama_app USING (
  (attached_kind = 'household' AND household_id IN (SELECT h.id FROM households h))
  OR case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
  OR case_id IN (SELECT c.id FROM cases c WHERE c.service_id = ANY ((SELECT trama_supervised_services())::uuid[]))
  OR (attached_kind = 'consultation' AND (attached_id = ANY ((SELECT trama_consultations_of_team())::uuid[])
      OR attached_id IN (SELECT k.id FROM consultations k
                          WHERE k.service_id = ANY ((SELECT trama_supervised_services())::uuid[])))));
--> statement-breakpoint
CREATE POLICY case_documents_insert ON case_documents FOR INSERT TO trama_app WITH CHECK (
  uploaded_by = (SELECT trama_user()) AND deleted_at IS NULL AND (
    (attached_kind = 'household' AND household_id IN (SELECT h.id FROM households h))
    OR (attached_kind IN ('case', 'session') AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]))
    OR (attached_kind = 'consultation' AND case_id IS NULL
        AND attached_id = ANY ((SELECT trama_consultations_of_team())::uuid[]))));
--> statement-breakpoint
CREATE POLICY case_documents_update ON case_documents FOR UPDATE TO trama_app
  USING ((attached_kind = 'household' AND household_id IN (SELECT h.id FROM households h))
    OR (attached_kind IN ('case', 'session') AND case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[]))
    OR (attached_kind = 'consultation' AND attached_id = ANY ((SELECT trama_consultations_of_team())::uuid[])))
  WITH CHECK (deleted_by = (SELECT trama_user()));
