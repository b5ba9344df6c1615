import { type TSchema, Type } from '@sinclair/typebox';
import { roles } from '../../src/domain/roles';

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

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const RoleSchema = Type.Union(roles.map((role) => Type.Literal(role)));

export const UserViewSchema = Type.Object({
  id: Uuid,
  nickname: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});

export const bearerAuth = [{ bearerAuth: [] }];
