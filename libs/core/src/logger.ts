import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Per-request context carried through async calls: the request id stamped on every log line. */
export interface RequestContext {
  requestId: string;
}
export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Keys whose values never reach a log line, matched on the key folded to lower-case letters and
 * digits, so `databaseUrl`, `DATABASE_URL` and `database-url` are one key.
 */
const SECRET_KEY = /pass(word|phrase)?|secret|token|authorization|cookie|masterkey|apikey|databaseurl|dsn|credential|privatekey/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    // an error's cause by name and message only (a request error's cause may hold the request itself):
    // what Meilisearch answered, behind the client's "Request to … has failed"
    const cause = value.cause instanceof Error ? `${value.cause.name}: ${value.cause.message}` : undefined;
    return { name: value.name, message: value.message, ...(cause ? { cause } : {}), stack: value.stack };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isSecretKey(key) ? '[redacted]' : redact(item, depth + 1);
  return out;
}

/**
 * One JSON object per line on stdout: time, level, context, message, the request id when there is
 * one, and structured fields. Also serves as Nest's logger.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  emit(level: LogLevel, message: string, fields: Record<string, unknown> = {}, context?: string): void {
    if (RANK[level] < RANK[this.level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) entry.context = context;
    entry.msg = message;
    const requestId = requestContext.getStore()?.requestId;
    if (requestId) entry.requestId = requestId;
    Object.assign(entry, redact(fields) as Record<string, unknown>);
    this.write(JSON.stringify(entry));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.nest('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.nest('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.nest('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.nest('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.nest('debug', message, rest);
  }

  /** Nest calls log(message, ...optionalParams, context): the last string is the context. */
  private nest(level: LogLevel, message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    for (const param of params) {
      if (typeof param === 'string') fields.stack = param;
      else if (param && typeof param === 'object') Object.assign(fields, param);
    }
    if (message instanceof Error) {
      this.emit(level, message.message, { ...fields, error: message }, context);
    } else if (message && typeof message === 'object') {
      const { msg, ...more } = message as Record<string, unknown>;
      this.emit(level, typeof msg === 'string' ? msg : JSON.stringify(msg ?? ''), { ...fields, ...more }, context);
    } else {
      this.emit(level, String(message), fields, context);
    }
  }
}

/** The process-wide logger; the API and the worker set its level from configuration. */
export const logger = new JsonLogger();
