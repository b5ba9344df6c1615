import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from './common';
import { RawTag } from './profiles';

export const TagCount = Type.Object({ tag: Type.String(), count: Type.Integer() });
export type TagCount = Static<typeof TagCount>;

export const SuggestedTagView = Type.Object({
  id: Uuid,
  tag: Type.String(),
  hidden: Type.Boolean(),
  /** Members holding it now. */
  count: Type.Integer(),
});
export type SuggestedTagView = Static<typeof SuggestedTagView>;

export const TagQuery = Type.Object({ tag: RawTag }, { additionalProperties: false });
export const AddSuggestedTagBody = Type.Object({ tag: RawTag }, { additionalProperties: false });
export const ChangeSuggestedTagBody = Type.Partial(Type.Object({ tag: RawTag, hidden: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
export const MergeTagsBody = Type.Object({ from: RawTag, into: RawTag }, { additionalProperties: false });
export const SuggestedTagParams = Type.Object({ communityId: Uuid, tagId: Uuid });
