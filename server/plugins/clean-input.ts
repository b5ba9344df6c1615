import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  hasForbiddenControlCharacter,
  hasUnpairedSurrogate,
  textProblemMessages,
} from '../../src/domain/text';
import { AppError } from '../app-error';

/** Our deepest body is three levels (a schedule entry in the promotion rules); JSON nested deeper is refused unread. */
const maxDepth = 12;

type Container = Record<string, unknown> | unknown[];

/** What no string anywhere may hold: the field rules (`src/domain/text.ts`) add the rest per kind. */
function stringProblem(text: string): string | null {
  if (hasUnpairedSurrogate(text)) return textProblemMessages.unpairedSurrogate;
  if (hasForbiddenControlCharacter(text)) return textProblemMessages.control;
  return null;
}

function refuse(path: string, reason: string): never {
  throw new AppError('VALIDATION_FAILED', 400, { [path || '(body)']: reason });
}

/**
 * Visits every key and string of a parsed body or query with a stack instead of recursion, so JSON
 * nested thousands of levels deep is a 400, not a stack overflow. Strings are trimmed in place when
 * `trim` is set (the body was parsed for this request alone).
 */
export function cleanInput(input: Container, { trim }: { trim: boolean }): void {
  const stack: Array<{ node: Container; depth: number; path: string }> = [
    { node: input, depth: 1, path: '' },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, depth, path } = next;
    if (depth > maxDepth) refuse(path, '嵌套层级太深');
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const keyProblem = stringProblem(key);
      if (keyProblem) refuse(path, keyProblem);
      const value = record[key];
      const valuePath = path ? `${path}.${key}` : key;
      if (typeof value === 'string') {
        const problem = stringProblem(value);
        if (problem) refuse(valuePath, problem);
        if (trim) record[key] = value.trim();
      } else if (value !== null && typeof value === 'object') {
        stack.push({ node: value as Container, depth: depth + 1, path: valuePath });
      }
    }
  }
}

/**
 * Before validation: the body's strings are trimmed (so "   " is empty and length limits apply to
 * what is kept), and neither body nor query may carry control characters or half a surrogate pair
 * in any string, whichever field it is: PostgreSQL refuses NUL in text and JSON columns refuse lone surrogates.
 */
async function cleanInputPlugin(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.query && typeof request.query === 'object')
      cleanInput(request.query as Container, { trim: false });
    if (typeof request.body === 'string') {
      const problem = stringProblem(request.body);
      if (problem) refuse('', problem);
    } else if (request.body && typeof request.body === 'object') {
      cleanInput(request.body as Container, { trim: true });
    }
  });
}

export default fp(cleanInputPlugin, { name: 'clean-input' });
