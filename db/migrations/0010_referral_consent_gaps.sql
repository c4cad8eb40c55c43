-- The people of a referral who lack a consent in force for its recipient, purpose and sections: the
-- same rule as referral_basis() (a court order for the recipient covers everyone), per person, so a
-- sender learns before sending whose consent is missing. Only ids leave; the caller has already
-- read the referral as itself (row-level security), which is why this may read past it.
CREATE FUNCTION referral_people_without_consent(rid uuid) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT CASE WHEN EXISTS (
            SELECT 1 FROM public.consents c
              JOIN public.referral_people rp ON rp.person_id = c.person_id AND rp.referral_id = rid
              JOIN public.referrals r ON r.id = rid
             WHERE c.method = 'court_order' AND c.recipient_service_id = r.to_service_id
               AND c.revoked_at IS NULL AND (c.expires_on IS NULL OR c.expires_on >= current_date))
          THEN '{}'::uuid[]
          ELSE coalesce((
            SELECT array_agg(rp.person_id ORDER BY rp.person_id)
              FROM public.referral_people rp JOIN public.referrals r ON r.id = rp.referral_id
             WHERE rp.referral_id = rid AND NOT EXISTS (
                   SELECT 1 FROM public.consents c
                    WHERE c.person_id = rp.person_id AND c.purpose = r.purpose
                      AND c.recipient_service_id = r.to_service_id AND c.sections @> r.sections
                      AND c.revoked_at IS NULL AND (c.expires_on IS NULL OR c.expires_on >= current_date))),
            '{}'::uuid[]) END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION referral_people_without_consent(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION referral_people_without_consent(uuid) TO trama_app;
