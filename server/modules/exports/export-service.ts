import { closedAccountName } from '../../../src/domain/account';
import type { Page } from '../../../src/domain/contract/common';
import type { ExportRecordView } from '../../../src/domain/contract/exports';
import {
  type ExportKind,
  exportFileName,
  exportLimits,
  memberSheet,
  type Sheet,
  signupSheet,
} from '../../../src/domain/exports';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import type { UserRow } from '../auth/user-repository';
import { findCommunity } from '../communities/community-repository';
import { type CommunityStanding, requireMembership } from '../membership/require-membership';
import { listDirectory } from '../profiles/member-directory-repository';
import { findSession } from '../sessions/session-repository';
import { insertExportRecord, listExportRecords, listSignupsForExport } from './export-repository';
import { writeSpreadsheet } from './spreadsheet';

/** Only the team exports (owner, admins, secretary): members' names and attendance leave the app. */
const exporterRole = 'secretary';

export interface SpreadsheetExport {
  fileName: string;
  bytes: Buffer;
}

/** Writes the file, then records the export (who, what, when, how many rows). */
async function recordedExport(
  db: Database,
  user: UserRow,
  record: { communityId: string; kind: ExportKind; subjectId: string | null; subject: string },
  sheet: Sheet,
): Promise<SpreadsheetExport> {
  const bytes = await writeSpreadsheet(sheet);
  await insertExportRecord(db, { ...record, userId: user.id, rowCount: sheet.rows.length - 1 });
  return { fileName: exportFileName(record.kind, record.subject), bytes };
}

/** A session's sign-ups and attendance; 到场 / 缺席 once it has started. */
export async function exportSessionSignups(
  db: Database,
  user: UserRow,
  sessionId: string,
  now = new Date(),
): Promise<SpreadsheetExport> {
  const session = await findSession(db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 404);
  await requireMembership(db, session.communityId, user.id, exporterRole);
  const rows = await listSignupsForExport(db, session.communityId, sessionId);
  const sheet = signupSheet(session.title, rows, session.startsAt <= now);
  return recordedExport(
    db,
    user,
    {
      communityId: session.communityId,
      kind: 'session_signups',
      subjectId: session.id,
      subject: session.title,
    },
    sheet,
  );
}

/** Every member with role, tags, arrival and inviter. */
export async function exportMembers(
  db: Database,
  user: UserRow,
  communityId: string,
  standing?: CommunityStanding | null,
): Promise<SpreadsheetExport> {
  await requireMembership(db, communityId, user.id, exporterRole, standing);
  const community = await findCommunity(db, communityId);
  if (!community) throw new AppError('NOT_FOUND', 404);
  const rows = await listDirectory(db, communityId);
  return recordedExport(
    db,
    user,
    { communityId, kind: 'members', subjectId: null, subject: community.name },
    memberSheet(community.name, rows),
  );
}

const exportCursor = keysetCursor({ createdAt: timePart, id: uuidPart });

/** The team sees every export of its community, newest first. */
export async function exportHistory(
  db: Database,
  user: UserRow,
  communityId: string,
  cursor: string | undefined,
  standing?: CommunityStanding | null,
): Promise<Page<ExportRecordView>> {
  await requireMembership(db, communityId, user.id, exporterRole, standing);
  const pageSize = exportLimits.historyPageSize;
  const rows = await listExportRecords(
    db,
    communityId,
    pageSize + 1,
    cursor ? exportCursor.decode(cursor) : undefined,
  );
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      rowCount: row.rowCount,
      exportedBy: { id: row.userId, nickname: row.nickname ?? closedAccountName },
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > pageSize && last ? exportCursor.encode(last) : null,
  };
}
