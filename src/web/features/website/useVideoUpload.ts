import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload } from 'tus-js-client';
import { csrfHeaders } from '../../api/client.js';
import { useVideoAttach } from './video-api.js';
import { percentOf, uploadError, uploadIdOf } from './video-forms.js';

/** Where the video's upload is: its pieces going, paused, being taken as the chapter's video, done. */
export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'attaching' | 'done' | 'failed';

const ENDPOINT = '/api/website/uploads';
/** Pieces of 8 MiB: a lost connection costs at most one piece, which is sent again. */
const CHUNK_SIZE = 8 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000];

/**
 * The resumable upload of a chapter's video (tus): the file goes in pieces, can be paused and
 * resumed, and an upload of the same file interrupted earlier (a closed tab, a lost connection)
 * resumes where it stopped. When the last piece has arrived, the upload becomes the chapter's video.
 */
export function useVideoUpload(pageId: string) {
  const attach = useVideoAttach(pageId);
  const upload = useRef<Upload | null>(null);
  // Paused before the first piece went (while earlier uploads of the file are looked up).
  const paused = useRef(false);
  const [phase, setPhase] = useState<UploadPhase>('idle');
  const [percent, setPercent] = useState(0);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<unknown>(null);

  // Leaving the page stops sending pieces; what has arrived stays and resumes next time.
  useEffect(
    () => () => {
      void upload.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (file: File) => {
      attach.reset();
      paused.current = false;
      setError(null);
      setPercent(0);
      setFileName(file.name);
      setPhase('uploading');
      // A cancelled upload may still report: only the current one speaks.
      const isCurrent = () => upload.current === current;
      const current: Upload = new Upload(file, {
        endpoint: ENDPOINT,
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        headers: csrfHeaders(),
        metadata: { filename: file.name, filetype: file.type },
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) => {
          if (isCurrent()) setPercent(percentOf(sent, total));
        },
        onError: (failure) => {
          if (!isCurrent()) return;
          setError(uploadError(failure));
          setPhase('failed');
        },
        onSuccess: () => {
          if (!isCurrent()) return;
          setPercent(100);
          const uploadId = uploadIdOf(current.url);
          if (!uploadId) {
            setError(uploadError(null));
            setPhase('failed');
            return;
          }
          setPhase('attaching');
          attach.mutate(uploadId, {
            onSuccess: () => setPhase('done'),
            onError: (failure) => {
              setError(failure);
              setPhase('failed');
            },
          });
        },
      });
      upload.current = current;
      try {
        const previous = await current.findPreviousUploads();
        const latest = [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
        if (latest) current.resumeFromPreviousUpload(latest);
      } catch {
        // Nothing remembered (private browsing, storage full): the upload starts from the beginning.
      }
      if (upload.current === current && !paused.current) current.start();
    },
    [attach],
  );

  const pause = useCallback(() => {
    paused.current = true;
    void upload.current?.abort();
    setPhase('paused');
  }, []);

  const resume = useCallback(() => {
    paused.current = false;
    setError(null);
    setPhase('uploading');
    const current = upload.current;
    if (!current) return;
    // The token may have changed while the upload waited (signed in again): it goes on with the new one.
    current.options.headers = { ...current.options.headers, ...csrfHeaders() };
    current.start();
  }, []);

  /** Stops the upload and lets the server drop what had arrived. */
  const cancel = useCallback(() => {
    const current = upload.current;
    upload.current = null;
    setPhase('idle');
    setPercent(0);
    setError(null);
    // The server may already have dropped it; nothing is left to do either way.
    current?.abort(true).catch(() => undefined);
  }, []);

  return { phase, percent, fileName, error, start, pause, resume, cancel };
}
