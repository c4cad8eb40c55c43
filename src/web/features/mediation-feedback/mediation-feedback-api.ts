import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZFeedbackPageSchema, type ZPersonFeedbackInputSchema } from '../../../contracts/mediation.js';
import { api } from '../../api/client.js';

/**
 * The public feedback page's API: no session, the link's token in the address. Nothing is kept on
 * the device (the page may be on the practitioner's phone, handed to the person for a minute).
 */
const enc = encodeURIComponent;

export function useFeedbackPage(token: string) {
  return useQuery({
    queryKey: ['mediation-feedback', token],
    queryFn: () =>
      api(`/api/public/mediation-feedback/${enc(token)}`, {
        schema: ZFeedbackPageSchema,
        skipUnauthorizedRedirect: true,
      }),
    retry: false,
    gcTime: 0,
  });
}

export function useSendFeedback(token: string) {
  return useMutation({
    mutationFn: (input: z.input<typeof ZPersonFeedbackInputSchema>) =>
      api(`/api/public/mediation-feedback/${enc(token)}`, {
        method: 'POST',
        body: input,
        skipUnauthorizedRedirect: true,
      }),
  });
}
