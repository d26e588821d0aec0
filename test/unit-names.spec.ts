import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { EXPLANATION_LANGS, phrasesFor } from '#libs/matching';

const LOCALES = new URL('../apps/web/src/i18n/locales/', import.meta.url).pathname;
const webUnits = (lang: string) =>
  (JSON.parse(readFileSync(`${LOCALES}${lang}.json`, 'utf8')) as { enums: { unit: Record<string, string> } }).enums.unit;

/**
 * A quantity reads the same in the API's sentences (the matching engine's phrasebook, which the
 * upgrade paths reuse) and on the web app's pages (`enums.unit`): "50.000 chiếc" in both, never a
 * unit code such as PCS.
 */
describe('unit names', () => {
  it.each(EXPLANATION_LANGS)('the API names every unit as the web app does in %s', (lang) => {
    const web = webUnits(lang);
    expect(Object.keys(web).length).toBeGreaterThanOrEqual(7);
    const say = phrasesFor(lang);
    expect(Object.fromEntries(Object.keys(web).map((code) => [code, say.unit(code)]))).toEqual(web);
  });
});
