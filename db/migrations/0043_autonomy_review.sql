-- Security review of autonomy and housing (issue 20). The households with someone the signed-in user is
-- blocked from (a perpetrator's follower, a conflict-of-interest lock): their stays, the apartments they
-- live in and their rent support stay out of that user's reach, even when the household is one the user
-- works (a perpetrator and a victim may share a household). A function of the signed-in user only.
CREATE FUNCTION trama_blocked_households() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce(array_agg(DISTINCT p.household_id), '{}') FROM public.people p
    WHERE p.id = ANY (public.trama_blocked_people()) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION trama_blocked_households() TO trama_app;
--> statement-breakpoint
-- Four eyes whatever path writes: a request moves only forward (requested → approved, refused or
-- cancelled; approved → paid), a refusal names who refused, and for the request role each decision is
-- signed by the signed-in user (no approver, refuser or payer named on someone else's behalf), written
-- once, and a withdrawal is its requester's. The CHECK rent_requests_four_eyes_check keeps the requester
-- out of every decision; rent_requests_paid_final freezes a paid order (it fires before this one).
CREATE FUNCTION rent_requests_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  step text := OLD.status || '>' || NEW.status;
  approval_changed boolean := NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.approved_at IS DISTINCT FROM OLD.approved_at;
  refusal_changed boolean := NEW.refused_by IS DISTINCT FROM OLD.refused_by OR NEW.refusal_reason IS DISTINCT FROM OLD.refusal_reason;
  payment_changed boolean := NEW.paid_by IS DISTINCT FROM OLD.paid_by OR NEW.paid_on IS DISTINCT FROM OLD.paid_on
                             OR NEW.payment_reference IS DISTINCT FROM OLD.payment_reference;
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status
     AND step NOT IN ('requested>approved', 'requested>refused', 'requested>cancelled', 'approved>paid') THEN
    RAISE EXCEPTION 'a rent request does not go from % to %', OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'rent_requests_transitions';
  END IF;
  IF step = 'requested>refused' AND NEW.refused_by IS NULL THEN
    RAISE EXCEPTION 'a refusal names who refused' USING ERRCODE = '23514', CONSTRAINT = 'rent_requests_transitions';
  END IF;
  IF current_user = 'trama_app' AND NOT (
       (NOT approval_changed OR (step = 'requested>approved' AND NEW.approved_by = public.trama_user()))
       AND (NOT refusal_changed OR (step = 'requested>refused' AND NEW.refused_by = public.trama_user()))
       AND (NOT payment_changed OR (step = 'approved>paid' AND NEW.paid_by = public.trama_user()))
       AND (step <> 'requested>cancelled' OR OLD.requested_by = public.trama_user())) THEN
    RAISE EXCEPTION 'a rent request is decided once, by the person who signs the decision'
      USING ERRCODE = '23514', CONSTRAINT = 'rent_requests_signed_decision';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER rent_requests_transitions BEFORE UPDATE ON rent_requests FOR EACH ROW EXECUTE FUNCTION rent_requests_transitions();
--> statement-breakpoint
-- A ledger line matches its paid order: the order's line, household and amount (a reversal its negative),
-- a payment recorded by who paid it, and nothing — a reversal included — recorded by the order's
-- requester. Read as the caller: an order the caller does not read cannot be written to the ledger.
CREATE FUNCTION rent_ledger_matches_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o record;
BEGIN
  SELECT r.status, r.budget_id, r.household_id, r.amount_cents, r.requested_by, r.paid_by INTO o
    FROM public.rent_requests r WHERE r.id = NEW.request_id;
  IF NOT FOUND OR o.status <> 'paid' OR o.budget_id <> NEW.budget_id OR o.household_id <> NEW.household_id
     OR NEW.amount_cents <> (CASE WHEN NEW.kind = 'payment' THEN o.amount_cents ELSE -o.amount_cents END) THEN
    RAISE EXCEPTION 'a ledger line matches its paid order' USING ERRCODE = '23514', CONSTRAINT = 'rent_ledger_matches_order';
  END IF;
  IF NEW.recorded_by = o.requested_by OR (NEW.kind = 'payment' AND NEW.recorded_by IS DISTINCT FROM o.paid_by) THEN
    RAISE EXCEPTION 'the requester of a rent request neither pays nor reverses it'
      USING ERRCODE = '23514', CONSTRAINT = 'rent_ledger_four_eyes';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER rent_ledger_matches_order BEFORE INSERT ON rent_ledger_entries FOR EACH ROW EXECUTE FUNCTION rent_ledger_matches_order();
