import type { Page } from '../../../src/domain/contract/common';
import type { MemberSummaryView, SimilarMemberView } from '../../../src/domain/contract/profiles';
import type { SuggestedTagView, TagCount } from '../../../src/domain/contract/tags';
import { profileLimits } from '../../../src/domain/profiles';
import { hasRoleAtLeast } from '../../../src/domain/roles';
import { normaliseTag, tagProblemMessages } from '../../../src/domain/tags';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { countPart, keysetCursor, postgresTimePart, uuidPart } from '../../db/keyset-cursor';
import { isUniqueViolation } from '../../db/unique-violation';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { requireMembership } from '../membership/require-membership';
import { toMemberSummary } from './profile-service';
import {
  deleteSuggestedTag,
  findSuggestedTag,
  findSuggestedTagByName,
  insertSuggestedTag,
  listSuggestedTags,
  lockHoldersOf,
  membersWithTag,
  moveTagHolders,
  profilesByIds,
  similarMembers,
  tagCloud,
  updateSuggestedTag,
} from './tag-repository';

export interface TagDeps {
  db: Database;
  textChecker: TextChecker;
}

/** A tag from a path or a curation form, through the one tag rule; a malformed one is a 400 naming the field. */
export function tagOrRefuse(raw: string, field: string): string {
  const result = normaliseTag(raw);
  if (!result.ok) throw new AppError('TAG_INVALID', 400, { [field]: tagProblemMessages[result.problem] });
  return result.tag;
}

function checkTagText(textChecker: TextChecker, tag: string, user: UserRow, field: string) {
  return requireAcceptableTexts(textChecker, user, 'profile', { [field]: tag });
}

export async function getTagCloud(db: Database, user: UserRow, communityId: string): Promise<TagCount[]> {
  await requireMembership(db, communityId, user.id, 'member');
  return tagCloud(db, communityId);
}

export async function getTagMembers(
  db: Database,
  user: UserRow,
  communityId: string,
  rawTag: string,
): Promise<MemberSummaryView[]> {
  await requireMembership(db, communityId, user.id, 'member');
  const rows = await membersWithTag(db, communityId, tagOrRefuse(rawTag, 'tag'));
  return rows.map(toMemberSummary);
}

/** 和我相似的人: (shared tags, last activity as PostgreSQL wrote it, user id). */
const similarCursor = keysetCursor({ sharedCount: countPart, activeAt: postgresTimePart, userId: uuidPart });

export async function getSimilarMembers(
  db: Database,
  user: UserRow,
  communityId: string,
  { cursor, limit = profileLimits.similarPageSize }: { cursor?: string; limit?: number },
): Promise<Page<SimilarMemberView>> {
  await requireMembership(db, communityId, user.id, 'member');
  const after = cursor ? similarCursor.decode(cursor) : null;
  return db.transaction(async (tx) => {
    const rows = await similarMembers(tx, communityId, user.id, after, limit + 1);
    const page = rows.slice(0, limit);
    const profiles = new Map(
      (
        await profilesByIds(
          tx,
          communityId,
          page.map((row) => row.userId),
        )
      ).map((p) => [p.userId, p]),
    );
    const items = page.flatMap((row) => {
      const profile = profiles.get(row.userId);
      return profile ? [{ ...toMemberSummary(profile), sharedTags: row.sharedTags }] : [];
    });
    const last = page.at(-1);
    return { items, nextCursor: rows.length > limit && last ? similarCursor.encode(last) : null };
  });
}

export async function getSuggestedTags(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<SuggestedTagView[]> {
  const role = await requireMembership(db, communityId, user.id, 'member');
  const curator = hasRoleAtLeast(role, 'admin');
  return listSuggestedTags(db, communityId, curator);
}

async function suggestedTagView(tx: Database, communityId: string, id: string): Promise<SuggestedTagView> {
  const all = await listSuggestedTags(tx, communityId, true);
  const view = all.find((tag) => tag.id === id);
  if (!view) throw new AppError('NOT_FOUND', 404);
  return view;
}

export async function addSuggestedTag(
  { db, textChecker }: TagDeps,
  user: UserRow,
  communityId: string,
  rawTag: string,
): Promise<SuggestedTagView> {
  await requireMembership(db, communityId, user.id, 'admin');
  const tag = tagOrRefuse(rawTag, 'tag');
  await checkTagText(textChecker, tag, user, 'tag');
  return db.transaction(async (tx) => {
    const row = await insertSuggestedTag(tx, communityId, tag);
    if (!row) throw new AppError('SUGGESTED_TAG_EXISTS', 409);
    return suggestedTagView(tx, communityId, row.id);
  });
}

/**
 * Two renames (or a rename and a merge) to the same name at once both find the name free; the unique
 * index lets one through and the other is told the name is taken, with nothing written.
 */
async function refusingTakenName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'suggested_tags_community_tag_unique'))
      throw new AppError('SUGGESTED_TAG_EXISTS', 409);
    throw error;
  }
}

/**
 * Renaming a suggestion renames the tag for everyone holding it (a merge into the new name);
 * hiding takes it out of the editor's suggestions and the tag cloud, members keep it.
 */
export async function changeSuggestedTag(
  { db, textChecker }: TagDeps,
  user: UserRow,
  communityId: string,
  id: string,
  changes: { tag?: string; hidden?: boolean },
): Promise<SuggestedTagView> {
  await requireMembership(db, communityId, user.id, 'admin');
  const newName = changes.tag === undefined ? undefined : tagOrRefuse(changes.tag, 'tag');
  if (newName !== undefined) await checkTagText(textChecker, newName, user, 'tag');
  return refusingTakenName(() =>
    db.transaction(async (tx) => {
      const current = await findSuggestedTag(tx, communityId, id);
      if (!current) throw new AppError('NOT_FOUND', 404);
      if (newName !== undefined && newName !== current.tag) {
        if (await findSuggestedTagByName(tx, communityId, newName))
          throw new AppError('SUGGESTED_TAG_EXISTS', 409);
        await lockHoldersOf(tx, communityId, current.tag);
        await moveTagHolders(tx, communityId, current.tag, newName);
      }
      await updateSuggestedTag(tx, id, { tag: newName, hidden: changes.hidden });
      return suggestedTagView(tx, communityId, id);
    }),
  );
}

/**
 * Merge A into B: every member holding A then holds B, once; A's suggestion goes (or becomes B's
 * when B has none). Set-based, in one transaction, whatever the number of members.
 */
export async function mergeTags(
  { db, textChecker }: TagDeps,
  user: UserRow,
  communityId: string,
  raw: { from: string; into: string },
): Promise<TagCount[]> {
  await requireMembership(db, communityId, user.id, 'admin');
  const from = tagOrRefuse(raw.from, 'from');
  const into = tagOrRefuse(raw.into, 'into');
  if (from === into) throw new AppError('VALIDATION_FAILED', 400, { into: '不能合并到同一个标签' });
  await checkTagText(textChecker, into, user, 'into');
  await refusingTakenName(() =>
    db.transaction(async (tx) => {
      await lockHoldersOf(tx, communityId, from);
      await moveTagHolders(tx, communityId, from, into);
      const fromSuggestion = await findSuggestedTagByName(tx, communityId, from);
      if (!fromSuggestion) return;
      if (await findSuggestedTagByName(tx, communityId, into))
        await deleteSuggestedTag(tx, fromSuggestion.id);
      else await updateSuggestedTag(tx, fromSuggestion.id, { tag: into });
    }),
  );
  return tagCloud(db, communityId);
}
