import type {} from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiErrorBody, ErrorCode } from '../../src/domain/error-codes';
import { codeForStatus, messageFor } from '../../src/domain/error-codes';
import { AppError } from '../app-error';
import { databaseRefusal } from '../db/database-refusal';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { isApiRequest } from './request-path';

interface SchemaViolation {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldPath(violation: SchemaViolation): string {
  const path = violation.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const child = violation.params.missingProperty ?? violation.params.additionalProperty;
  if (typeof child === 'string') return path ? `${path}.${child}` : child;
  return path || '(body)';
}

function reasonFor(violation: SchemaViolation): string {
  const limit = violation.params.limit;
  switch (violation.keyword) {
    case 'required':
      return '必填';
    case 'additionalProperties':
      return '不允许的字段';
    case 'type':
      return `类型应为 ${String(violation.params.type)}`;
    case 'minLength':
      return limit === 1 ? '不能为空' : `至少 ${limit} 个字`;
    case 'maxLength':
      return `最多 ${limit} 个字`;
    case 'minProperties':
      return '至少填写一项';
    case 'minimum':
      return `不能小于 ${limit}`;
    case 'maximum':
      return `不能大于 ${limit}`;
    case 'pattern':
      return '包含不允许的字符';
    case 'format':
      return `格式不正确 (${String(violation.params.format)})`;
    case 'enum':
    case 'anyOf':
    case 'const':
      return '取值不在允许范围内';
    default:
      return violation.message ?? '不合法';
  }
}

function schemaFields(violations: SchemaViolation[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const violation of violations) {
    const path = fieldPath(violation);
    fields[path] ??= reasonFor(violation);
  }
  return fields;
}

function body(code: ErrorCode, fields?: Record<string, string>, message = messageFor(code)): ApiErrorBody {
  return fields ? { code, message, fields } : { code, message };
}

/** Errors the router raises before any plugin runs (a malformed URL, an over-long path parameter). */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return reply.status(status).send(body(codeForStatus(status)));
}

/** The one place errors become `{ code, message, fields? }`: 4xx say why, 5xx say nothing and are logged. */
async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.warn({ code: error.code }, error.message);
      return reply.status(error.statusCode).send(body(error.code, error.fields, error.message));
    }
    if (error.validation) {
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', schemaFields(error.validation as SchemaViolation[])));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return reply.header('retry-after', '5').status(503).send(body('SERVICE_UNAVAILABLE'));
    }
    const refusal = databaseRefusal(error);
    if (refusal) {
      // A check is missing somewhere (or two writers met): worth a look, not an alarm.
      request.log.warn({ err: error }, 'database refused the statement');
      return reply.status(refusal.status).send(body(refusal.code));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(codeForStatus(status)));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL_ERROR'));
  });

  app.setNotFoundHandler((request, reply) => {
    // With an H5 folder served, browser paths outside /api belong to the single-page app's router.
    if (request.method === 'GET' && !isApiRequest(request) && app.hasReplyDecorator('sendFile')) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(body('NOT_FOUND'));
  });
}

export default fp(errorHandler, { name: 'error-handler' });
