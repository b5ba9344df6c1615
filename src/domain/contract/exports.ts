import { type Static, Type } from '@sinclair/typebox';
import { exportKinds } from '../exports';
import { DateTime, literalUnion, Nullable, pageOf, Uuid } from './common';

/**
 * The team's spreadsheets (.xlsx): `GET /api/sessions/{sessionId}/export` and
 * `GET /api/communities/{communityId}/members/export` answer the file itself; every export is recorded.
 */

export const ExportRecordView = Type.Object({
  id: Uuid,
  kind: literalUnion(exportKinds),
  /** The session's title, or the community's name. */
  subject: Type.String(),
  rowCount: Type.Integer({ minimum: 0 }),
  exportedBy: Type.Object({ id: Nullable(Uuid), nickname: Type.String() }),
  createdAt: DateTime,
});
export type ExportRecordView = Static<typeof ExportRecordView>;

export const ExportRecordPage = pageOf(ExportRecordView);

export const ExportHistoryQuery = Type.Object(
  { cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })) },
  { additionalProperties: false },
);

/** The file: the OpenAPI document says what it is; the body is bytes, not JSON. */
export const SpreadsheetFile = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});
