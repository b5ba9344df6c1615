import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from './common';

export const UploadView = Type.Object({ id: Uuid, url: Type.String() });
export type UploadView = Static<typeof UploadView>;

export const UploadParams = Type.Object({ uploadId: Uuid });
