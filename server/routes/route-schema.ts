import { type TSchema, Type } from '@sinclair/typebox';
import { ErrorBody } from '../../src/domain/contract/common';

/** The error answers a route can give, for its response schema (and so the OpenAPI document). */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref(ErrorBody)]));
}
