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
-- The history is read with the person (people_read decides) and written by whoever may edit them.
CREATE POLICY person_changes_read ON person_changes FOR SELECT TO trama_app
  USING (person_id IN (SELECT p.id FROM people p));
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
