import { LOCALE, type Lang } from './languages.js';

/**
 * Countries and languages by name in the reader's language (`Intl.DisplayNames`), for the codes the
 * API stores: export markets as ISO 3166-1 alpha-2 (`JP`), languages spoken as ISO 639-1 (`ja`).
 */

/** Every ISO 3166-1 alpha-2 code: what the API accepts as an export market (a unit test keeps it equal to the API's check). */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD ' +
  'CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF ' +
  'GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI ' +
  'SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/**
 * The markets Hải Phòng's supporting industry exports to most, offered first: its FDI investors' home
 * countries and the region, the EU members that buy most from Vietnam, and the other large buyers.
 */
export const COMMON_MARKETS = [
  'JP',
  'KR',
  'CN',
  'TW',
  'HK',
  'US',
  'CA',
  'MX',
  'TH',
  'SG',
  'MY',
  'ID',
  'PH',
  'IN',
  'AU',
  'DE',
  'NL',
  'FR',
  'IT',
  'ES',
  'BE',
  'PL',
  'CZ',
  'SE',
  'GB',
];

/** The languages a supplier's staff most often speak with buyers, offered first (the API takes any ISO 639-1 code). */
export const COMMON_LANGUAGES = ['vi', 'en', 'ja', 'ko', 'zh', 'th', 'de', 'fr'];

const namers = new Map<string, Intl.DisplayNames>();

function namer(lang: Lang, type: 'region' | 'language', fallback: 'code' | 'none'): Intl.DisplayNames {
  const key = `${lang} ${type} ${fallback}`;
  let found = namers.get(key);
  if (!found) namers.set(key, (found = new Intl.DisplayNames(LOCALE[lang], { type, fallback })));
  return found;
}

/** A country or a language as the reader calls it ("일본", "tiếng Nhật"); the code itself when it has no name. */
export function displayName(lang: Lang, type: 'region' | 'language', code: string): string {
  try {
    return namer(lang, type, 'code').of(type === 'region' ? code.toUpperCase() : code.toLowerCase()) ?? code;
  } catch {
    return code; // not a well-formed code: shown as stored
  }
}

/**
 * Every two-letter language code the reader's language has a name for (ISO 639-1, as the API stores
 * them), once each: an old alias of another two-letter code (`iw` for `he`) and a second code of the
 * same name are left out.
 */
const languageCodes = new Map<Lang, string[]>();

export function namedLanguageCodes(lang: Lang): string[] {
  const known = languageCodes.get(lang);
  if (known) return known;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const names = new Set<string>();
  const codes: string[] = [];
  for (const first of letters)
    for (const second of letters) {
      const code = first + second;
      const name = namer(lang, 'language', 'none').of(code);
      const canonical = Intl.getCanonicalLocales(code)[0]!.split('-')[0]!;
      if (!name || name === code || names.has(name) || (canonical !== code && canonical.length === 2)) continue;
      names.add(name);
      codes.push(code);
    }
  languageCodes.set(lang, codes);
  return codes;
}
