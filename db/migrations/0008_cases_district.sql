-- A case belongs to the Ambito of its household. The team that accepts a referral usually may not
-- read the referring service's household (row-level security), so a lookup made as the request role
-- found nothing and new cases had no Ambito: the case lists' Ambito filter and every per-Ambito view
-- missed them. The database sets it on every insert, whichever path opens the case.
CREATE FUNCTION trama_case_district() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS
$$ BEGIN
     IF NEW.district_id IS NULL THEN
       NEW.district_id := (SELECT h.district_id FROM public.households h WHERE h.id = NEW.household_id);
     END IF;
     RETURN NEW;
   END $$;
--> statement-breakpoint
CREATE TRIGGER cases_district BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION trama_case_district();
--> statement-breakpoint
UPDATE cases c SET district_id = h.district_id
  FROM households h WHERE h.id = c.household_id AND c.district_id IS NULL AND h.district_id IS NOT NULL;
