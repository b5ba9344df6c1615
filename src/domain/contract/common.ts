import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { roles } from '../roles';

/**
 * The building blocks of the API contract. The server validates and serialises with these schemas;
 * the mini program reads the types derived from them (`import type` only: TypeBox stays out of the bundles).
 */

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { $id: 'ErrorBody' },
);

/** C0 controls and DEL; multi-line text keeps tab and line breaks. */
const noControlCharacters = '^[^\\u0000-\\u001F\\u007F]*$';
const noControlCharactersExceptLineBreaks = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

/** Lengths count characters as a reader does (ajv counts code points, like `textLength`); input arrives trimmed. */
export function singleLineText(maxLength: number) {
  return Type.String({ minLength: 1, maxLength, pattern: noControlCharacters });
}

export function multiLineText(maxLength: number) {
  return Type.String({ minLength: 1, maxLength, pattern: noControlCharactersExceptLineBreaks });
}

/** Optional free text: may be empty, single line. */
export function optionalSingleLineText(maxLength: number) {
  return Type.String({ maxLength, pattern: noControlCharacters });
}

/** Optional free text: may be empty, keeps line breaks. */
export function optionalMultiLineText(maxLength: number) {
  return Type.String({ maxLength, pattern: noControlCharactersExceptLineBreaks });
}

/** One of a constant list of strings (the same lists the database enums are made of). */
export function literalUnion<const T extends readonly string[]>(values: T) {
  return Type.Union(values.map((value) => Type.Literal(value as T[number])));
}

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const RoleSchema = literalUnion(roles);

export const CommunityParams = Type.Object({ communityId: Uuid });
export const MemberParams = Type.Object({ communityId: Uuid, userId: Uuid });
export const TipParams = Type.Object({ tipId: Uuid });

export const UserView = Type.Object({
  id: Uuid,
  nickname: Type.String(),
  avatarUrl: Nullable(Type.String()),
});
export type UserView = Static<typeof UserView>;

/** A keyset-paged list: pass `nextCursor` back as `cursor` for the next page; null on the last page. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
