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

  it('never writes a secret field to a log line', () => {
    const lines: string[] = [];
    new JsonLogger('info', (line) => lines.push(line)).emit('info', 'config', { databaseUrl: 'postgres://user:hunter2@db/x' });
    expect(lines.join()).not.toContain('hunter2');
  });
});
