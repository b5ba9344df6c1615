import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from './common';

/** `url` of a picture still being checked carries its preview key: only its uploader gets that one. */
export const UploadView = Type.Object({ id: Uuid, url: Type.String() });
export type UploadView = Static<typeof UploadView>;

export const UploadParams = Type.Object({ uploadId: Uuid });

/** `key`: the preview key of a picture WeChat has not approved yet. */
export const UploadQuery = Type.Object({
  key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })),
});
