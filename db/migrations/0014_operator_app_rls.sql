-- Row-level security, grants and functions for migration 0013 (operator app, part two).
-- Sections: address form, person search, person editing and removal.

-- == Address form ==
-- Each user chooses how the app addresses them (users_update already limits who: the admin, or oneself).
GRANT SELECT (address_form) ON users TO trama_app;
--> statement-breakpoint
GRANT INSERT (address_form) ON users TO trama_app;
--> statement-breakpoint
GRANT UPDATE (address_form) ON users TO trama_app;
--> statement-breakpoint

-- == Person search ==
-- Folds a name for search: lower case, accents off ("Émilie" finds "emilie"), a hyphen as a space.
-- One function, used on both sides of the comparison, so the rule lives in one place.
CREATE FUNCTION trama_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT lower(translate(t, 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹØøĐđŁłĦħı’-', 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYyOoDdLlHhi'' ')) $$;
--> statement-breakpoint

-- == Person editing and removal ==
ALTER TABLE person_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_changes_system ON person_changes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The history (former names, identifiers, birth data) is read by the service that keeps the household
-- and the services supervising it, like the household list; a referral's recipient reads the person
-- as they are now, not what they were. It is written by whoever may edit the person.
CREATE POLICY person_changes_read ON person_changes FOR SELECT TO trama_app
  USING (person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id
                        WHERE h.owner_service_id = (SELECT trama_service())
                           OR h.owner_service_id = ANY ((SELECT trama_supervised_services())::uuid[])));
--> statement-breakpoint
CREATE POLICY person_changes_insert ON person_changes FOR INSERT TO trama_app WITH CHECK (
  changed_by = (SELECT trama_user())
  AND NOT (person_id = ANY ((SELECT trama_blocked_people())::uuid[]))
  AND person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id
                     WHERE h.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
GRANT SELECT, INSERT ON person_changes TO trama_app;
--> statement-breakpoint
-- A member registered by mistake is removed by the owning service; anything that refers to the
-- person (a consent, a referral, a session, a message) keeps them, by its foreign key.
CREATE POLICY people_delete ON people FOR DELETE TO trama_app
  USING (NOT (id = ANY ((SELECT trama_blocked_people())::uuid[])) AND household_id IN
    (SELECT h.id FROM households h WHERE h.owner_service_id = (SELECT trama_service())));
--> statement-breakpoint
GRANT DELETE ON people TO trama_app;
--> statement-breakpoint

-- == The mediator's own note and who attended ==
-- The session's mediator writes the mediation note of their session (once, like every section);
-- the team writes the rest as before (0005).
DROP POLICY session_notes_insert ON session_notes;
--> statement-breakpoint
CREATE POLICY session_notes_insert ON session_notes FOR INSERT TO trama_app WITH CHECK (
  author_id = (SELECT trama_user()) AND EXISTS (SELECT 1 FROM case_sessions s WHERE s.id = session_id
    AND NOT (s.case_id = ANY ((SELECT trama_blocked_cases())::uuid[]))
    AND ((s.case_id = ANY ((SELECT trama_team_cases('{lead,member}'))::uuid[])
          AND (section <> 'psychological' OR (SELECT trama_role()) = 'clinician'))
      OR (section = 'mediation' AND s.mediator_id = (SELECT trama_user())))));
--> statement-breakpoint
-- Who attended, for the session's mediator: given names only, never the person's record, and
-- nobody the mediator is locked out from (a conflict of interest found after the booking). Callers
-- reach it through the session as row-level security shows it (sessions.repository.ts), so a case
-- whose legal basis lapsed, closed to the mediator, gives no names either.
CREATE FUNCTION trama_mediator_attendees(sid uuid) RETURNS TABLE (id uuid, given_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT p.id, p.given_name FROM public.session_people sp
    JOIN public.people p ON p.id = sp.person_id
    JOIN public.case_sessions s ON s.id = sp.session_id
   WHERE sp.session_id = sid AND s.mediator_id = public.trama_user() AND public.trama_role() = 'mediator'
     AND NOT (s.case_id = ANY (public.trama_blocked_cases()))
     AND NOT (p.id = ANY (public.trama_blocked_people()))
   ORDER BY p.position, p.id
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_mediator_attendees(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_mediator_attendees(uuid) TO trama_app;
--> statement-breakpoint

-- == The audit trail in codes ==
-- The DPO reads the audit trail but not the case records it names. These functions give the DPO
-- (and nobody else) the codes of those records — a household's N-…, a case's C-…, random and
-- saying nothing about anyone (ADR 0008) — and never a name, a note or any other column.
-- (Parameters are named apart from every column: in SQL a column, such as case_sessions.kind, wins.)
CREATE FUNCTION trama_audit_record_codes(record_kind text, record_ids uuid[]) RETURNS TABLE (id uuid, code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT x.id, x.code FROM (
    SELECT h.id, h.code FROM public.households h WHERE record_kind = 'household' AND h.id = ANY (record_ids)
    UNION ALL SELECT c.id, c.code FROM public.cases c WHERE record_kind = 'case' AND c.id = ANY (record_ids)
    UNION ALL SELECT p.id, h.code FROM public.people p JOIN public.households h ON h.id = p.household_id
      WHERE record_kind = 'person' AND p.id = ANY (record_ids)
    UNION ALL SELECT c.id, h.code FROM public.consents c JOIN public.people p ON p.id = c.person_id
      JOIN public.households h ON h.id = p.household_id WHERE record_kind = 'consent' AND c.id = ANY (record_ids)
    UNION ALL SELECT r.id, h.code FROM public.referrals r JOIN public.households h ON h.id = r.household_id
      WHERE record_kind = 'referral' AND r.id = ANY (record_ids)
    UNION ALL SELECT s.id, c.code FROM public.case_sessions s JOIN public.cases c ON c.id = s.case_id
      WHERE record_kind = 'session' AND s.id = ANY (record_ids)
  ) x WHERE public.trama_role() = 'dpo'
$$;
--> statement-breakpoint
-- The case records a code names: the household and its people, consents and referrals; the case and its sessions.
CREATE FUNCTION trama_audit_records_with_code(wanted text) RETURNS TABLE (type text, id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT x.type, x.id FROM (
    SELECT 'household'::text AS type, h.id FROM public.households h WHERE h.code = wanted
    UNION ALL SELECT 'person', p.id FROM public.people p JOIN public.households h ON h.id = p.household_id
      WHERE h.code = wanted
    UNION ALL SELECT 'consent', c.id FROM public.consents c JOIN public.people p ON p.id = c.person_id
      JOIN public.households h ON h.id = p.household_id WHERE h.code = wanted
    UNION ALL SELECT 'referral', r.id FROM public.referrals r JOIN public.households h ON h.id = r.household_id
      WHERE h.code = wanted
    UNION ALL SELECT 'case', c.id FROM public.cases c WHERE c.code = wanted
    UNION ALL SELECT 'session', s.id FROM public.case_sessions s JOIN public.cases c ON c.id = s.case_id
      WHERE c.code = wanted
  ) x WHERE public.trama_role() = 'dpo'
$$;
--> statement-breakpoint
-- Household and case codes starting with what the DPO typed (at most 10), for suggestions.
CREATE FUNCTION trama_audit_code_suggestions(typed text) RETURNS TABLE (type text, code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT x.type, x.code FROM (
    SELECT 'household'::text AS type, h.code FROM public.households h WHERE starts_with(h.code, typed)
    UNION ALL SELECT 'case', c.code FROM public.cases c WHERE starts_with(c.code, typed)
  ) x WHERE public.trama_role() = 'dpo' AND length(typed) >= 3 ORDER BY x.code LIMIT 10
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_audit_record_codes(text, uuid[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_audit_records_with_code(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION trama_audit_code_suggestions(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_audit_record_codes(text, uuid[]) TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_audit_records_with_code(text) TO trama_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_audit_code_suggestions(text) TO trama_app;
