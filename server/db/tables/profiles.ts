import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns';
import { communityIdColumn, memberships } from './communities';
import { uploads } from './uploads';

/**
 * A member's profile in one community. Keyed to the membership, so leaving (which deletes the
 * membership) deletes the profile and the tags with it. Absent until the member first edits.
 */
export const memberProfiles = pgTable(
  'member_profiles',
  {
    communityId: uuid('community_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** null: the member's WeChat nickname (users.nickname) is shown. */
    nickname: text('nickname'),
    avatarUploadId: uuid('avatar_upload_id').references(() => uploads.id, { onDelete: 'set null' }),
    bio: text('bio').notNull().default(''),
    hiddenFromSimilar: boolean('hidden_from_similar').notNull().default(false),
    /** The member's last profile change: "most recent activity" in 和我相似的人. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.communityId, table.userId] }),
    foreignKey({
      columns: [table.communityId, table.userId],
      foreignColumns: [memberships.communityId, memberships.userId],
      name: 'member_profiles_membership_fk',
    }).onDelete('cascade'),
  ],
);

/** One row per tag a member holds, stored normalised; (community_id, tag) serves the tag page, the cloud and 和我相似的人. */
export const memberTags = pgTable(
  'member_tags',
  {
    communityId: uuid('community_id').notNull(),
    userId: uuid('user_id').notNull(),
    tag: text('tag').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.communityId, table.userId, table.tag] }),
    index('member_tags_community_tag_idx').on(table.communityId, table.tag, table.userId),
    foreignKey({
      columns: [table.communityId, table.userId],
      foreignColumns: [memberships.communityId, memberships.userId],
      name: 'member_tags_membership_fk',
    }).onDelete('cascade'),
  ],
);

/** Tags the owner and admins suggest in the tag editor; hidden ones leave the editor and the cloud. */
export const suggestedTags = pgTable(
  'suggested_tags',
  {
    id: primaryId(),
    communityId: communityIdColumn(),
    tag: text('tag').notNull(),
    hidden: boolean('hidden').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('suggested_tags_community_tag_unique').on(table.communityId, table.tag)],
);
