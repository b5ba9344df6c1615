import { type StringOptions, type TSchema, Type } from '@sinclair/typebox';
import { roles } from '../../src/domain/roles';
import { type TextKind, textKindKeyword } from '../../src/domain/text';
import { userTimeKeyword } from '../../src/domain/user-time';

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { $id: 'ErrorBody' },
);

/** The error answers a route can give, for its response schema (and so the OpenAPI document). */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref(ErrorBody)]));
}

/** Typed text (`src/domain/text.ts`): control characters, unpaired surrogates, invisible-only text and, on one line, direction controls are refused. */
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

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
/** A time someone picks: on the calendar and within a year of now (`src/domain/user-time.ts`). */
export const UserTime = Type.String({ format: 'date-time', [userTimeKeyword]: true });
export const RoleSchema = Type.Union(roles.map((role) => Type.Literal(role)));

export const UserViewSchema = Type.Object({
  id: Uuid,
  nickname: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});

export const bearerAuth = [{ bearerAuth: [] }];
