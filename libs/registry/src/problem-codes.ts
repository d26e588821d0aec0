import { registerEnumType } from '@nestjs/graphql';

/**
 * What is wrong with a row, as a stable code the web app words in the reader's language; the English
 * `reason` stays beside it for people reading the API or the report CSV. Parameters (the value read,
 * the allowed values, a line, a limit) come apart from the words.
 */
export enum RegistryProblemCode {
  REQUIRED = 'REQUIRED',
  NOT_A_NUMBER = 'NOT_A_NUMBER',
  NOT_A_WHOLE_NUMBER = 'NOT_A_WHOLE_NUMBER',
  NOT_ONE_OF = 'NOT_ONE_OF',
  NOT_YES_NO = 'NOT_YES_NO',
  UNKNOWN_TERM = 'UNKNOWN_TERM',
  AMBIGUOUS_TERM = 'AMBIGUOUS_TERM',
  UNKNOWN_CODE = 'UNKNOWN_CODE',
  LISTED_TWICE = 'LISTED_TWICE',
  BOTH_OR_NEITHER = 'BOTH_OR_NEITHER',
  DUPLICATE_TAX_CODE = 'DUPLICATE_TAX_CODE',
  TAX_CODE_FORMAT = 'TAX_CODE_FORMAT',
  TAX_CODE_CHECK_DIGIT = 'TAX_CODE_CHECK_DIGIT',
  TAX_CODE_TAKEN = 'TAX_CODE_TAKEN',
  NOT_A_DATE = 'NOT_A_DATE',
  DATE_ORDER = 'DATE_ORDER',
  IN_FUTURE = 'IN_FUTURE',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  TOO_LONG = 'TOO_LONG',
  NOT_AN_EMAIL = 'NOT_AN_EMAIL',
  BROKEN_ENCODING = 'BROKEN_ENCODING',
  NOT_A_JSON_OBJECT = 'NOT_A_JSON_OBJECT',
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  DATABASE_REFUSED = 'DATABASE_REFUSED',
  OTHER = 'OTHER',
}

registerEnumType(RegistryProblemCode, {
  name: 'RegistryProblemCode',
  description: 'What is wrong with an imported row, as a stable code (the `reason` says it in English; `params` carry its values).',
  valuesMap: {
    REQUIRED: { description: 'A required value is missing.' },
    NOT_A_NUMBER: { description: 'The cell should hold a number and does not (params: value).' },
    NOT_A_WHOLE_NUMBER: { description: 'The cell should hold a whole number (params: value).' },
    NOT_ONE_OF: { description: 'The value is not one of those the column allows (params: value, allowed).' },
    NOT_YES_NO: { description: 'A yes/no column holds something else (params: value).' },
    UNKNOWN_TERM: { description: 'A process, material or certification the taxonomy does not know (params: value, suggestions).' },
    AMBIGUOUS_TERM: { description: 'A term that matches several taxonomy entries; write the code instead (params: value, codes).' },
    UNKNOWN_CODE: { description: 'A taxonomy or zone code that does not exist (params: value).' },
    LISTED_TWICE: { description: 'The same term appears twice in one cell (params: value).' },
    BOTH_OR_NEITHER: { description: 'Values that go together (e.g. latitude and longitude) were not given together.' },
    DUPLICATE_TAX_CODE: { description: 'The tax code appears on an earlier line of the same file (params: line).' },
    TAX_CODE_FORMAT: { description: 'The tax code is not 10 or 13 digits in the official format.' },
    TAX_CODE_CHECK_DIGIT: { description: 'The tax code fails its check digit: most likely a typing error.' },
    TAX_CODE_TAKEN: { description: 'Another supplier already holds this tax code.' },
    NOT_A_DATE: { description: 'The cell should hold a calendar date YYYY-MM-DD.' },
    DATE_ORDER: { description: 'A date lies before the date it must follow (e.g. valid until before valid from).' },
    IN_FUTURE: { description: 'A date that cannot lie in the future does.' },
    OUT_OF_RANGE: { description: 'A number outside the range the column allows (params: limit, when stated).' },
    TOO_LONG: { description: 'Text longer than the column allows (params: max, when stated).' },
    NOT_AN_EMAIL: { description: 'The contact email is not an email address.' },
    BROKEN_ENCODING: { description: 'The line is not valid UTF-8 text: save the file as UTF-8.' },
    NOT_A_JSON_OBJECT: { description: 'A JSON Lines line is not one JSON object.' },
    CONCURRENT_CHANGE: { description: 'The supplier changed while the file was imported: import the file again.' },
    DATABASE_REFUSED: { description: 'The database refused the row; the reason says why.' },
    OTHER: { description: 'A problem with no code of its own: read the reason.' },
  },
});

export interface ClassifiedProblem {
  code: RegistryProblemCode;
  params: { name: string; value: string }[];
}

/**
 * The reasons the import can give (its own row checks, the API's validation of CreateSupplierInput and
 * the service's checks, the database), most specific first; named groups become parameters. A reason
 * none of them knows is OTHER: the web app then shows the English reason itself.
 */
const PATTERNS: Array<[RegistryProblemCode, RegExp]> = [
  [RegistryProblemCode.DUPLICATE_TAX_CODE, /^appears again: line (?<line>\d+) has the same tax code/],
  [RegistryProblemCode.BROKEN_ENCODING, /^contains bytes that are not valid UTF-8/],
  [RegistryProblemCode.NOT_A_JSON_OBJECT, /^is not a JSON object/],
  [RegistryProblemCode.NOT_A_WHOLE_NUMBER, /^(?:"(?<value>.*)" is not a whole number|must be a whole number|must be an integer)/],
  [RegistryProblemCode.NOT_A_NUMBER, /^(?:"(?<value>.*)" is not a number|must be a number)/],
  [RegistryProblemCode.NOT_ONE_OF, /^"(?<value>.*)" is not one of (?<allowed>.+)$/],
  [RegistryProblemCode.NOT_YES_NO, /^"(?<value>.*)" is not yes\/no/],
  [RegistryProblemCode.AMBIGUOUS_TERM, /^"(?<value>.*)" names several .+ \((?<codes>[^)]*)\): write the code$/],
  [RegistryProblemCode.UNKNOWN_TERM, /^unknown [\w ]+? "(?<value>.*)"(?: \(did you mean (?<suggestions>.*)\?\))?$/],
  [RegistryProblemCode.UNKNOWN_CODE, /^unknown [\w ]+ code (?<value>\S+)$/],
  [RegistryProblemCode.LISTED_TWICE, /^lists (?<value>.+) more than once$/],
  [RegistryProblemCode.BOTH_OR_NEITHER, /go together|^is required with /],
  [RegistryProblemCode.TAX_CODE_TAKEN, /already registered to another supplier/],
  [RegistryProblemCode.TAX_CODE_CHECK_DIGIT, /check digit/],
  [RegistryProblemCode.TAX_CODE_FORMAT, /must be 10 digits|digits 3 to 9|branch suffix/],
  [RegistryProblemCode.NOT_A_DATE, /not a real calendar date|valid ISO 8601 date|YYYY-MM-DD/],
  [RegistryProblemCode.DATE_ORDER, /^must not be before/],
  [RegistryProblemCode.IN_FUTURE, /^must not be in the future/],
  [RegistryProblemCode.OUT_OF_RANGE, /must not be (?:less|greater) than (?<limit>-?[\d.]+)|must be (?:a positive|between)/],
  [RegistryProblemCode.TOO_LONG, /shorter than or equal to (?<max>\d+)|at most (?<max2>\d+) characters|too long/],
  [RegistryProblemCode.NOT_AN_EMAIL, /must be an email|valid email|not an email/],
  [RegistryProblemCode.REQUIRED, /is required|should not be empty|must not be empty|must be given/],
  [RegistryProblemCode.CONCURRENT_CHANGE, /import the file again$/],
  [RegistryProblemCode.DATABASE_REFUSED, /^the database refused|^the row could not be written/],
];

export function classifyProblem(reason: string): ClassifiedProblem {
  for (const [code, pattern] of PATTERNS) {
    const match = pattern.exec(reason);
    if (!match) continue;
    const params = Object.entries(match.groups ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => ({ name: name.replace(/\d+$/, ''), value }));
    return { code, params };
  }
  return { code: RegistryProblemCode.OTHER, params: [] };
}
