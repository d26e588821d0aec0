import { describe, expect, it } from '@jest/globals';
import { csvCell, csvLine, unneutralised } from './csv.js';

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as a formula, and keeps plain numbers as numbers', () => {
    expect(csvLine(['=1+1', '+84 225 3812 345', '-5 kg', '@SUM(A1)', '\t=1', '\r=1', 'plain', '-5', '+3.5', '-0.25', '1e-3'])).toBe(
      `'=1+1,'+84 225 3812 345,'-5 kg,'@SUM(A1),"'\t=1","'\r=1",plain,-5,+3.5,-0.25,1e-3\r\n`,
    );
  });

  it('is undone by unneutralised, also for text that really starts with an apostrophe before a formula character', () => {
    for (const text of ['=HYPERLINK("x")', "'=already", "''=twice", "'plain", "'", '-5', '-5 kg', '@', 'a=b', '', "'-3"]) {
      const written = csvCell(text);
      const read = written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
      expect({ text, back: unneutralised(read) }).toEqual({ text, back: text });
      expect(read).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    }
  });
});
