import { type Static, Type } from '@sinclair/typebox';
import { removalLimits } from '../community-rules';
import { reportActions, reportLimits, reportStatuses, reportTargetKinds } from '../moderation';
import {
  DateTime,
  literalUnion,
  Nullable,
  optionalSingleLineText,
  RoleSchema,
  singleLineText,
  Uuid,
} from './common';

export const ReportTargetKindSchema = literalUnion(reportTargetKinds);

/**
 * 举报 a tip, a note or a promotion. `targetId` is the tip's id (for a note too) or the promotion
 * request's; a note also names its writer, `authorId` (one member's note on one tip).
 */
export const CreateReportBody = Type.Object(
  {
    targetKind: ReportTargetKindSchema,
    targetId: Uuid,
    authorId: Type.Optional(Uuid),
    reason: singleLineText(reportLimits.reasonMax),
  },
  { additionalProperties: false },
);
export type CreateReportInput = Static<typeof CreateReportBody>;

/** What the reporter gets back. */
export const MyReportView = Type.Object({
  id: Uuid,
  status: literalUnion(reportStatuses),
  createdAt: DateTime,
});
export type MyReportView = Static<typeof MyReportView>;

/** A report in the team's queue, with what they need to decide at a glance. */
export const ReportView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  targetKind: ReportTargetKindSchema,
  targetId: Uuid,
  /** The content's first words (a tip's or promotion's title, a note's text). */
  excerpt: Type.String(),
  /** True when the content is already hidden (by an earlier report). */
  hidden: Type.Boolean(),
  author: Type.Object({ id: Uuid, nickname: Type.String(), role: Nullable(RoleSchema) }),
  reporter: Type.Object({ id: Uuid, nickname: Type.String() }),
  reason: Type.String(),
  status: literalUnion(reportStatuses),
  createdAt: DateTime,
});
export type ReportView = Static<typeof ReportView>;

export const ReportParams = Type.Object({ reportId: Uuid });

/**
 * The team's decision: hide the content, dismiss the report, or remove the author (owner and admins,
 * as for any removal: the content is hidden too, with `reason` and `block` as in a removal). Every
 * open report of the same content is closed with it.
 */
export const DecideReportBody = Type.Object(
  {
    action: literalUnion(reportActions),
    reason: Type.Optional(optionalSingleLineText(removalLimits.reasonMax)),
    block: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DecideReportInput = Static<typeof DecideReportBody>;
