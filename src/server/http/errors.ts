// Errors answer application/problem+json (RFC 9457) in the request's interface language.
// Services throw HttpError with message keys; the handler translates them.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { inputFaultCode } from '../db/errors';
import { hasMessage } from './i18n';

export interface FieldError {
  field: string;
  /** A message key of i18n/en.json, or already translated text. */
  message: string;
  params?: unknown[];
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Message key of the title; defaults to the status's generic title. */
    readonly titleKey?: string,
    readonly options: {
      detailKey?: string;
      params?: unknown[];
      errors?: FieldError[];
      headers?: Record<string, string>;
      /**
       * Extension members (RFC 9457 §3.2) added to the problem body as they are, e.g. an edit conflict's current
       * text, revision, editor and time, so the client can show both texts. Never names the standard members.
       */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(titleKey ?? `HTTP ${status}`);
  }
}

export const badRequest = (errors: FieldError[]) => new HttpError(400, 'error-invalid-input', { errors });
export const unauthorized = () => new HttpError(401, 'error-unauthorized');
export const forbidden = (detailKey = 'error-forbidden-detail') => new HttpError(403, 'error-forbidden', { detailKey });
export const notFound = () => new HttpError(404, 'error-not-found');
export const conflict = (
  detailKey: string,
  field?: string,
  params: unknown[] = [],
  extensions?: Record<string, unknown>,
) =>
  new HttpError(409, 'error-conflict', {
    detailKey,
    params,
    errors: field ? [{ field, message: detailKey, params }] : undefined,
    extensions,
  });

const STATUS_TITLES: Record<number, string> = {
  400: 'error-invalid-input',
  401: 'error-unauthorized',
  403: 'error-forbidden',
  404: 'error-not-found',
  409: 'error-conflict',
  413: 'error-too-large',
  415: 'error-unsupported-media',
  429: 'error-rate-limited',
  503: 'error-unavailable',
};

interface ZodIssueLike {
  code: string;
  path?: PropertyKey[];
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  keys?: string[];
  input?: unknown;
  format?: string;
}

/** Turns a zod issue into a field error with a message key translators can work with. */
export function fieldErrorOfIssue(issue: ZodIssueLike, prefix = ''): FieldError[] {
  const field = [prefix, ...(issue.path ?? []).map(String)].filter(Boolean).join('.');
  if (issue.message && hasMessage(issue.message)) {
    // Custom issues may carry message parameters as params.i18n.
    const params = (issue as { params?: { i18n?: unknown[] } }).params?.i18n ?? [];
    return [{ field, message: issue.message, params }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((k) => ({
        field: field ? `${field}.${k}` : k,
        message: 'validation-unknown-field',
      }));
    case 'invalid_type':
      return [
        {
          field,
          message: /received undefined/.test(issue.message ?? '') ? 'validation-required' : 'validation-invalid-type',
        },
      ];
    case 'too_small':
      return [
        issue.origin === 'string'
          ? { field, message: 'validation-too-short', params: [Number(issue.minimum)] }
          : issue.origin === 'array'
            ? { field, message: 'validation-too-few', params: [Number(issue.minimum)] }
            : { field, message: 'validation-too-small', params: [Number(issue.minimum)] },
      ];
    case 'too_big':
      return [
        issue.origin === 'string'
          ? { field, message: 'validation-too-long', params: [Number(issue.maximum)] }
          : issue.origin === 'array'
            ? { field, message: 'validation-too-many', params: [Number(issue.maximum)] }
            : { field, message: 'validation-too-big', params: [Number(issue.maximum)] },
      ];
    case 'invalid_format':
      return [
        {
          field,
          message:
            issue.format === 'email'
              ? 'validation-email'
              : issue.format === 'url'
                ? 'validation-url'
                : 'validation-format',
        },
      ];
    case 'invalid_value':
      return [{ field, message: 'validation-invalid-choice' }];
    default:
      return [{ field, message: 'validation-invalid' }];
  }
}

function safeT(req: FastifyRequest, key: string, ...params: unknown[]): string {
  try {
    return req.t(key, ...params);
  } catch {
    return key;
  }
}

/** A problem+json body (RFC 9457), its texts in the request's language. */
export interface ProblemBody extends Record<string, unknown> {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

function problemBody(
  req: FastifyRequest,
  status: number,
  titleKey: string,
  detail?: string,
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
): ProblemBody {
  // A message that fails to parse must not turn an error answer into a crash.
  const t = (key: string, ...params: unknown[]) => {
    try {
      return req.t ? req.t(key, ...params) : key;
    } catch {
      return key;
    }
  };
  const body: ProblemBody = {
    ...extensions,
    type: 'about:blank',
    title: t(titleKey),
    status,
  };
  if (detail) body.detail = detail;
  if (errors?.length) {
    body.errors = errors.map((e) => ({
      field: e.field,
      message: hasMessage(e.message) ? t(e.message, ...(e.params ?? [])) : e.message,
    }));
  }
  return body;
}

/** The problem an HttpError stands for, as the API would answer it (pages show it in a refused form). */
export function problemOf(req: FastifyRequest, error: HttpError): ProblemBody {
  const detail = error.options.detailKey
    ? safeT(req, error.options.detailKey, ...(error.options.params ?? []))
    : undefined;
  return problemBody(
    req,
    error.status,
    error.titleKey ?? STATUS_TITLES[error.status] ?? 'error-generic',
    detail,
    error.options.errors,
    error.options.extensions,
  );
}

function send(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  titleKey: string,
  detail?: string,
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
) {
  const body = problemBody(req, status, titleKey, detail, errors, extensions);
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, req, reply) => {
    if (error instanceof HttpError) {
      if (error.options.headers) reply.headers(error.options.headers);
      return reply
        .code(error.status)
        .type('application/problem+json; charset=utf-8')
        .send(JSON.stringify(problemOf(req, error)));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.flatMap((v) =>
        fieldErrorOfIssue({
          ...(v.params as object),
          code: v.keyword,
          message: v.message,
          path: v.instancePath.split('/').filter(Boolean),
        } as ZodIssueLike),
      );
      return send(req, reply, 400, 'error-invalid-input', undefined, errors);
    }
    const fault = inputFaultCode(error);
    if (fault) {
      // A value the schemas let through but the database cannot take: bad input, said so, without a stack trace.
      req.log.warn({ code: fault, route: req.routeOptions.url }, 'database refused a value of the request');
      return send(req, reply, 400, 'error-invalid-input', safeT(req, 'error-invalid-data-detail'));
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) return send(req, reply, 429, 'error-rate-limited', req.t('error-rate-limited-detail'));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large).
      const errors =
        (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? [{ field: 'body', message: 'validation-malformed-json' }]
          : undefined;
      return send(req, reply, status, STATUS_TITLES[status] ?? 'error-generic', undefined, errors);
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(req, reply, 500, 'error-internal');
  });
  app.setNotFoundHandler((req, reply) => send(req, reply, 404, 'error-not-found'));
}
