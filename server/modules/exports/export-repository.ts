import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ExportKind } from '../../../src/domain/exports';
import type { Database } from '../../db/database';
import { exportRecords, memberProfiles, sessionSignups, users } from '../../db/schema';

export async function insertExportRecord(
  tx: Database,
  record: {
    communityId: string;
    userId: string;
    kind: ExportKind;
    subjectId: string | null;
    subject: string;
    rowCount: number;
  },
): Promise<void> {
  // Milliseconds, like the cursor that pages through the records.
  await tx.insert(exportRecords).values({ ...record, createdAt: new Date() });
}

export interface ExportPosition {
  createdAt: Date;
  id: string;
}

/** Newest first, with the name the exporter has in the community. */
export async function listExportRecords(
  tx: Database,
  communityId: string,
  limit: number,
  after?: ExportPosition,
) {
  const afterCondition: SQL | undefined = after
    ? sql`(${exportRecords.createdAt}, ${exportRecords.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return tx
    .select({
      id: exportRecords.id,
      kind: exportRecords.kind,
      subject: exportRecords.subject,
      rowCount: exportRecords.rowCount,
      userId: exportRecords.userId,
      nickname: sql<string | null>`coalesce(${memberProfiles.nickname}, ${users.nickname})`,
      createdAt: exportRecords.createdAt,
    })
    .from(exportRecords)
    .leftJoin(users, eq(users.id, exportRecords.userId))
    .leftJoin(
      memberProfiles,
      and(
        eq(memberProfiles.communityId, exportRecords.communityId),
        eq(memberProfiles.userId, exportRecords.userId),
      ),
    )
    .where(and(eq(exportRecords.communityId, communityId), afterCondition))
    .orderBy(desc(exportRecords.createdAt), desc(exportRecords.id))
    .limit(limit);
}

/**
 * A session's sign-ups that hold or wait for a seat, in the order they were served, with each
 * member's name in the community and their place on the waitlist.
 */
export async function listSignupsForExport(tx: Database, communityId: string, sessionId: string) {
  const position = sql<number | null>`case when ${sessionSignups.status} = 'waitlisted'
    then row_number() over (partition by ${sessionSignups.status} order by ${sessionSignups.arrival}) end`;
  return tx
    .select({
      nickname: sql<string>`coalesce(${memberProfiles.nickname}, ${users.nickname})`,
      status: sql<'confirmed' | 'offered' | 'waitlisted'>`${sessionSignups.status}`,
      guests: sessionSignups.guests,
      position: position.mapWith(Number),
      signedUpAt: sessionSignups.createdAt,
      checkedInAt: sessionSignups.checkedInAt,
    })
    .from(sessionSignups)
    .innerJoin(users, eq(users.id, sessionSignups.userId))
    .leftJoin(
      memberProfiles,
      and(eq(memberProfiles.communityId, communityId), eq(memberProfiles.userId, sessionSignups.userId)),
    )
    .where(
      and(
        eq(sessionSignups.sessionId, sessionId),
        inArray(sessionSignups.status, ['confirmed', 'offered', 'waitlisted']),
      ),
    )
    .orderBy(sql`${sessionSignups.status} = 'waitlisted'`, sessionSignups.arrival);
}
