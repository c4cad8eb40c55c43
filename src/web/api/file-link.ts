import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from './client.js';

/**
 * A single-use, one-minute link to one stored file (platform/storage, ADR 0010): the server asks
 * the owning module's rule, then the browser navigates to the link. Every feature that lists files
 * opens them through this one hook.
 */
export function useFileLink() {
  return useMutation({
    mutationFn: (fileId: string) =>
      api(`/api/files/${encodeURIComponent(fileId)}/link`, {
        method: 'POST',
        body: {},
        schema: z.object({ url: z.string(), expiresAt: z.string() }),
      }),
  });
}
