import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { type FileStore, NotInStore, type S3Settings, STORAGE_KEY } from './file-store.js';

/**
 * Files in an S3-compatible bucket (AWS, MinIO, Ceph RGW, Garage, …) under `trama/<key>`.
 * Uploads are multipart (lib-storage), so a stream of unknown length is sent in 8 MiB parts and
 * the memory it costs is bounded (queue × part); a failed upload is aborted, so no object appears.
 * The SDK is loaded on first use: a Trama on disk never loads it.
 */
const PART_BYTES = 8 * 1024 * 1024;
const QUEUE = 2;

export function s3Store(settings: S3Settings): FileStore {
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connect = () => {
    client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle,
        credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
        // Newer SDKs add checksums many S3-compatible stores refuse; the bytes carry their own tags.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return client;
  };
  const objectKey = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error('not a storage key');
    return `trama/${key}`;
  };
  return {
    kind: 's3',
    async put(key, body) {
      const { s3 } = await connect();
      const { Upload } = await import('@aws-sdk/lib-storage');
      const upload = new Upload({
        client: s3,
        params: { Bucket: settings.bucket, Key: objectKey(key), Body: body },
        partSize: PART_BYTES,
        queueSize: QUEUE,
        leavePartsOnError: false,
      });
      // A source that fails (a refused upload) must stop the upload, not leave it waiting, and its
      // own error (the refusal) is what the caller gets, not the SDK's "aborted".
      let failure: Error | undefined;
      const abort = (error: Error) => {
        failure = error;
        void upload.abort().catch(() => {});
      };
      body.once('error', abort);
      try {
        await upload.done();
      } catch (error) {
        throw failure ?? error;
      } finally {
        body.off('error', abort);
      }
      if (failure) throw failure;
    },
    async get(key) {
      const { s3, sdk } = await connect();
      try {
        const answer = await s3.send(
          new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }),
        );
        return answer.Body as Readable;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') throw new NotInStore(key);
        throw error;
      }
    },
    async delete(key) {
      const { s3, sdk } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
    },
  };
}
