import type { TextKind } from '../../../src/domain/text';
import type { TestApp } from '../../support/test-app';

/**
 * Where a route takes strings, read from the OpenAPI document (so a new field is covered the day it
 * is added): every string of the JSON body, however deep (array items as index 0), and every
 * string query parameter.
 */

type Schema = {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  'x-text'?: TextKind;
  'x-user-time'?: boolean;
};

export type FieldPath = Array<string | number>;

export interface BodyField {
  path: FieldPath;
  /** `time`: a date-time field; `text` with the text kind the schema declares (null: a code, an id, a tag...). */
  kind: 'time' | 'text';
  textKind: TextKind | null;
}

export interface RouteInputs {
  bodyFields: BodyField[];
  queryParameters: string[];
}

function stringFields(schema: Schema, path: FieldPath): BodyField[] {
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (branches) {
    const fields = branches.flatMap((branch) => stringFields(branch, path));
    // A union of a string and the empty literal, or of a string and null: one field, described by its richest branch.
    const unique = new Map(fields.map((field) => [JSON.stringify(field.path), field]));
    for (const field of fields) {
      const key = JSON.stringify(field.path);
      if (field.textKind || field.kind === 'time') unique.set(key, field);
    }
    return [...unique.values()];
  }
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, inner]) => stringFields(inner, [...path, key]));
  }
  if (schema.type === 'array' && schema.items) return stringFields(schema.items, [...path, 0]);
  if (schema.type === 'string') {
    return [
      schema.format === 'date-time'
        ? { path, kind: 'time', textKind: null }
        : { path, kind: 'text', textKind: schema['x-text'] ?? null },
    ];
  }
  return [];
}

interface Operation {
  parameters?: Array<{ in: string; name: string; schema: Schema }>;
  requestBody?: { content?: Record<string, { schema: Schema }> };
}

/** `METHOD /path/{param}` -> the strings the route takes. */
export async function routeInputs(t: TestApp): Promise<Record<string, RouteInputs>> {
  const document = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  const inputs: Record<string, RouteInputs> = {};
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const body = operation.requestBody?.content?.['application/json']?.schema;
      inputs[`${method.toUpperCase()} ${path}`] = {
        bodyFields: body ? stringFields(body, []) : [],
        queryParameters: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'query' && stringFields(parameter.schema, []).length > 0)
          .map((parameter) => parameter.name),
      };
    }
  }
  return inputs;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy of `value` with `path` set; an index replaces the array by one item (the first one, changed). */
export function withValueAt(value: Json | undefined, path: FieldPath, leaf: Json): Json {
  if (path.length === 0) return leaf;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const first = Array.isArray(value) ? value[0] : undefined;
    return [withValueAt(first, rest, leaf)];
  }
  const record = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return { ...record, [key]: withValueAt(record[key], rest, leaf) };
}

/** The value at `path`, when there is one. */
export function valueAt(value: Json | undefined, path: FieldPath): Json | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}
