import { Type } from '@sinclair/typebox';
import { subscribeTemplateKeys } from '../../../src/domain/notices';
import { DateTime, Uuid } from '../shared-schemas';

export const TemplateKeySchema = Type.Union(subscribeTemplateKeys.map((key) => Type.Literal(key)));

export const InboxMessageSchema = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.String(),
  createdAt: DateTime,
  read: Type.Boolean(),
});

export const UnreadCountSchema = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) });

export const InboxPageSchema = Type.Object({
  items: Type.Array(InboxMessageSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer({ minimum: 0 }),
});

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
  { accepted: Type.Array(TemplateKeySchema, { maxItems: subscribeTemplateKeys.length, uniqueItems: true }) },
  { additionalProperties: false },
);

export const SubscriptionsResult = Type.Object({
  consents: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
});

export const ClientConfigSchema = Type.Object({
  subscribeTemplates: Type.Record(Type.String(), Type.String()),
});
