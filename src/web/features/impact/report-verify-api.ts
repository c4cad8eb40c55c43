import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ZReportVerificationSchema } from '../../../contracts/impact-periods.js';
import { api } from '../../api/client.js';

/**
 * The public verification of a report's file (no session): the file's bytes go to the server as
 * they are, and come back as what its seal says. Nothing is kept, so nothing is cached either.
 */

/** The public key that signs the reports, as `GET /api/public/impact/signing-key` answers it. */
const ZSigningKeySchema = z.object({ keyId: z.string(), publicKeyPem: z.string() });

export function useSigningKey() {
  return useQuery({
    queryKey: ['impact', 'public', 'signing-key'] as const,
    queryFn: () =>
      api('/api/public/impact/signing-key', { schema: ZSigningKeySchema, skipUnauthorizedRedirect: true }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useVerifyReportFile() {
  return useMutation({
    mutationFn: (file: File) =>
      api('/api/public/impact/verify', {
        method: 'POST',
        rawBody: { data: file, contentType: 'application/octet-stream' },
        schema: ZReportVerificationSchema,
        skipUnauthorizedRedirect: true,
      }),
  });
}
