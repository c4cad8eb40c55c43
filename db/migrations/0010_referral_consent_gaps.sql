-- Which referred people a consent covers, decided in one place: referral_basis() (what sending and
-- the consents trigger use) and referral_people_without_consent() (what the sender is shown before
-- sending) both read these two functions, so the warning and the refusal cannot disagree.

-- A court order for the recipient covers everyone referred; until its latest expiry (null: open-ended).
CREATE FUNCTION referral_court_order(rid uuid, OUT ok boolean, OUT until date)
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT count(*) > 0, CASE WHEN bool_or(c.expires_on IS NULL) THEN NULL ELSE max(c.expires_on) END
     FROM public.consents c
     JOIN public.referral_people rp ON rp.person_id = c.person_id AND rp.referral_id = rid
     JOIN public.referrals r ON r.id = rid
    WHERE c.method = 'court_order' AND c.recipient_service_id = r.to_service_id
      AND c.revoked_at IS NULL AND (c.expires_on IS NULL OR c.expires_on >= current_date) $$;
--> statement-breakpoint
-- Per referred person: a valid consent for the referral's purpose, its recipient and at least its
-- sections, and until when (null: open-ended).
CREATE FUNCTION referral_consent_coverage(rid uuid)
RETURNS TABLE (person_id uuid, covered boolean, until date)
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT rp.person_id, bool_or(c.id IS NOT NULL),
          CASE WHEN bool_or(c.id IS NOT NULL AND c.expires_on IS NULL) THEN NULL ELSE max(c.expires_on) END
     FROM public.referral_people rp
     JOIN public.referrals r ON r.id = rp.referral_id
     LEFT JOIN public.consents c ON c.person_id = rp.person_id AND c.purpose = r.purpose
      AND c.recipient_service_id = r.to_service_id AND c.sections @> r.sections
      AND c.revoked_at IS NULL AND (c.expires_on IS NULL OR c.expires_on >= current_date)
    WHERE rp.referral_id = rid
    GROUP BY rp.person_id $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION referral_court_order(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION referral_consent_coverage(uuid) FROM PUBLIC;
--> statement-breakpoint
-- The same rule as in 0005, now read from the two functions above.
CREATE OR REPLACE FUNCTION referral_basis(rid uuid, OUT ok boolean, OUT basis text, OUT expires_on date)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  court record;
  missing integer;
BEGIN
  SELECT * INTO court FROM referral_court_order(rid);
  IF court.ok THEN
    ok := true; basis := 'court_order'; expires_on := court.until; RETURN;
  END IF;
  SELECT count(*) FILTER (WHERE NOT covered), min(until) INTO missing, expires_on FROM referral_consent_coverage(rid);
  ok := missing = 0 AND EXISTS (SELECT 1 FROM referral_people WHERE referral_id = rid);
  basis := 'consent';
END $$;
--> statement-breakpoint
-- The people a sender must still ask for consent: only for a draft of the caller's own service (or
-- one it supervises), the rule the referral's `mine` reads; for any other referral, none. Only ids
-- leave, and it reads past row-level security for consents the sender may not list.
CREATE FUNCTION referral_people_without_consent(rid uuid) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT CASE WHEN NOT EXISTS (
            SELECT 1 FROM public.referrals r
             WHERE r.id = rid AND r.status = 'draft'
               AND (r.from_service_id = public.trama_service()
                    OR r.from_service_id = ANY (public.trama_supervised_services()::uuid[])))
          THEN '{}'::uuid[]
          WHEN (SELECT ok FROM public.referral_court_order(rid)) THEN '{}'::uuid[]
          ELSE coalesce((SELECT array_agg(person_id ORDER BY person_id)
                           FROM public.referral_consent_coverage(rid) WHERE NOT covered), '{}'::uuid[]) END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION referral_people_without_consent(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION referral_people_without_consent(uuid) TO trama_app;
