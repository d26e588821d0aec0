import { describe, expect, it } from '@jest/globals';
import { JsonLogger, redact } from './logger.js';

describe('log redaction', () => {
  it('redacts secret keys in any case or spelling, at any depth', () => {
    const redacted = redact({
      databaseUrl: 'postgres://u:p@h/db',
      DATABASE_URL: 'postgres://u:p@h/db',
      'meili-master-key': 'k',
      nested: { refreshToken: 't', Authorization: 'Bearer x', apiKey: 'a', city: 'Hải Phòng' },
    });
    expect(redacted).toEqual({
      databaseUrl: '[redacted]',
      DATABASE_URL: '[redacted]',
      'meili-master-key': '[redacted]',
      nested: { refreshToken: '[redacted]', Authorization: '[redacted]', apiKey: '[redacted]', city: 'Hải Phòng' },
    });
  });

  it("names an error's cause by its name and message, nothing more of it", () => {
    const answered = Object.assign(new Error('Index `hp_suppliers` not found.'), { name: 'MeilisearchApiError', body: 'x'.repeat(100) });
    const wrapped = new Error('Request to http://127.0.0.1:7700/indexes/hp_suppliers has failed', { cause: answered });
    expect(redact({ error: wrapped })).toEqual({
      error: {
        name: 'Error',
        message: 'Request to http://127.0.0.1:7700/indexes/hp_suppliers has failed',
        cause: 'MeilisearchApiError: Index `hp_suppliers` not found.',
        stack: wrapped.stack,
      },
    });
  });

  it('never writes a secret field to a log line', () => {
    const lines: string[] = [];
    new JsonLogger('info', (line) => lines.push(line)).emit('info', 'config', { databaseUrl: 'postgres://user:hunter2@db/x' });
    expect(lines.join()).not.toContain('hunter2');
  });
});
