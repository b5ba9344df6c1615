import { type Static, type StringOptions, type TSchema, Type } from '@sinclair/typebox';
import { roles } from '../roles';
import { type TextKind, textKindKeyword } from '../text';
import { userTimeKeyword } from '../user-time';

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

/**
 * Typed text (`src/domain/text.ts`): control characters, unpaired surrogates, invisible-only text and,
 * on one line, direction controls are refused by the server's `x-text` keyword.
 */
export function typedText(kind: TextKind, options: StringOptions & { maxLength: number }) {
  return Type.String({ ...options, [textKindKeyword]: kind });
}

/** Lengths count characters as a reader does (ajv counts code points, like `textLength`); input arrives trimmed. */
export function singleLineText(maxLength: number) {
  return typedText('single-line', { minLength: 1, maxLength });
}

export function multiLineText(maxLength: number) {
  return typedText('multi-line', { minLength: 1, maxLength });
}

/** Optional free text: may be empty, single line. */
export function optionalSingleLineText(maxLength: number) {
  return typedText('single-line', { maxLength });
}

/** Optional free text: may be empty, keeps line breaks. */
export function optionalMultiLineText(maxLength: number) {
  return typedText('multi-line', { maxLength });
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
/** A time someone picks: on the calendar and within a year of now (`src/domain/user-time.ts`). */
export const UserTime = Type.String({ format: 'date-time', [userTimeKeyword]: true });
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
