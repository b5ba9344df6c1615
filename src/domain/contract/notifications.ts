import { type Static, Type } from '@sinclair/typebox';
import { type SubscribeTemplateKey, subscribeTemplateKeys } from '../notices';
import { DateTime, literalUnion, Nullable, Uuid } from './common';

/** One message of 我的 → 消息 (notifications). */
export const InboxMessageView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  /** A NoticeKind of src/domain/notices.ts. */
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  /** Mini program page path with query, opened when the message is tapped. */
  link: Type.String(),
  createdAt: DateTime,
  read: Type.Boolean(),
});
export type InboxMessageView = Static<typeof InboxMessageView>;

export const UnreadCountView = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) });
export type UnreadCountView = Static<typeof UnreadCountView>;

export const InboxPage = Type.Object({
  items: Type.Array(InboxMessageView),
  nextCursor: Nullable(Type.String()),
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type InboxPage = Static<typeof InboxPage>;

export const InboxQuery = Type.Object(
  {
    communityId: Type.Optional(Uuid),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const ReadAllQuery = Type.Object(
  { communityId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const MessageParams = Type.Object({ messageId: Uuid }, { additionalProperties: false });

export const SubscriptionsBody = Type.Object(
  {
    accepted: Type.Array(literalUnion(subscribeTemplateKeys), {
      maxItems: subscribeTemplateKeys.length,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);

export const SubscriptionsResult = Type.Object({
  consents: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
});
export type SubscriptionsResult = Static<typeof SubscriptionsResult>;

/** What the mini program needs to know from the server's configuration (notifications). */
export const ClientConfigView = Type.Object({
  /** WeChat subscribe-message template ids by key; a key is missing when not configured. */
  subscribeTemplates: Type.Unsafe<Partial<Record<SubscribeTemplateKey, string>>>(
    Type.Record(Type.String(), Type.String()),
  ),
});
export type ClientConfigView = Static<typeof ClientConfigView>;
