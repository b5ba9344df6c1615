import type {
  MemberProfileChanges,
  MemberProfileView,
  MemberSummaryView,
} from '../../../src/domain/contract/profiles';
import { isTeamRole } from '../../../src/domain/roles';
import { normaliseTagList, tagProblemMessages } from '../../../src/domain/tags';
import { uploadUrl } from '../../../src/domain/uploads';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { requireMembership } from '../membership/require-membership';
import { attendanceRecordOf } from '../sessions/attendance-record';
import { requireOwnUpload } from '../uploads/upload-service';
import {
  findProfile,
  listTagsOf,
  lockMembership,
  type ProfileRow,
  replaceTags,
  saveProfile,
} from './profile-repository';

export interface ProfileDeps {
  db: Database;
  textChecker: TextChecker;
}

export function toMemberSummary(row: ProfileRow): MemberSummaryView {
  return {
    userId: row.userId,
    nickname: row.nickname,
    avatarUrl: row.avatarUploadId ? uploadUrl(row.avatarUploadId) : row.wechatAvatarUrl,
    bio: row.bio,
    role: row.role,
  };
}

function toProfileView(row: ProfileRow, tags: string[], mine: boolean): MemberProfileView {
  const view: MemberProfileView = { ...toMemberSummary(row), tags, joinedAt: row.joinedAt.toISOString() };
  return mine ? { ...view, hiddenFromSimilar: row.hiddenFromSimilar } : view;
}

async function profileView(tx: Database, communityId: string, userId: string, mine: boolean) {
  const row = await findProfile(tx, communityId, userId);
  if (!row) throw new AppError('MEMBER_NOT_FOUND', 404);
  return toProfileView(row, await listTagsOf(tx, communityId, userId), mine);
}

export async function getMyProfile(
  db: Database,
  user: UserRow,
  communityId: string,
  now: Date = new Date(),
): Promise<MemberProfileView> {
  await requireMembership(db, communityId, user.id, 'member');
  const view = await profileView(db, communityId, user.id, true);
  return { ...view, attendance: await attendanceRecordOf(db, communityId, user.id, now) };
}

/**
 * Members of the same community see each other; outsiders are refused before anything is read. The
 * attendance record is for the member and the team only.
 */
export async function getMemberProfile(
  db: Database,
  user: UserRow,
  communityId: string,
  memberId: string,
  now: Date = new Date(),
): Promise<MemberProfileView> {
  const role = await requireMembership(db, communityId, user.id, 'member');
  const mine = memberId === user.id;
  const view = await profileView(db, communityId, memberId, mine);
  if (!mine && !isTeamRole(role)) return view;
  return { ...view, attendance: await attendanceRecordOf(db, communityId, memberId, now) };
}

function normaliseTagsOrRefuse(raw: string[]): string[] {
  const result = normaliseTagList(raw);
  if (result.ok) return result.tags;
  if (result.problem === 'TOO_MANY_TAGS') throw new AppError('TOO_MANY_TAGS', 400, { tags: '最多 8 个标签' });
  throw new AppError('TAG_INVALID', 400, { [`tags.${result.index}`]: tagProblemMessages[result.problem] });
}

/** Changes only the fields sent; tags are normalised and merged by the one tag rule. */
export async function updateMyProfile(
  { db, textChecker }: ProfileDeps,
  user: UserRow,
  communityId: string,
  changes: MemberProfileChanges,
  now = new Date(),
): Promise<MemberProfileView> {
  await requireMembership(db, communityId, user.id, 'member');
  const tags = changes.tags === undefined ? undefined : normaliseTagsOrRefuse(changes.tags);
  await requireAcceptableTexts(textChecker, user, 'profile', {
    nickname: changes.nickname,
    bio: changes.bio,
    // One call for all tags: each is short, and WeChat rates by call.
    tags: tags?.join(' '),
  });
  const { tags: _tags, ...fields } = changes;
  return db.transaction(async (tx) => {
    // Left in the meantime: the membership (and with it the profile) is gone.
    if (!(await lockMembership(tx, communityId, user.id))) throw new AppError('NOT_A_MEMBER', 403);
    if (fields.avatarUploadId) await requireOwnUpload(tx, fields.avatarUploadId, user.id);
    await saveProfile(tx, communityId, user.id, fields, now);
    if (tags) await replaceTags(tx, communityId, user.id, tags, now);
    return profileView(tx, communityId, user.id, true);
  });
}
