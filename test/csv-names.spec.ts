import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CSV_NAMES } from '#libs/analytics';
import { EXPLANATION_LANGS } from '#libs/matching';

const WEB = new URL('../apps/web/src/', import.meta.url).pathname;
const json = (path: string) => JSON.parse(readFileSync(`${WEB}${path}`, 'utf8'));

interface Locale {
  profile: { verification: Record<string, string> };
}
interface InboxMessages {
  reasons: Record<string, string>;
}
interface BuyerMessages {
  visibility: Record<string, { label: string }>;
}

/** The names an analytics CSV writes for a code, in one language. */
const csvNames = (table: Record<string, Record<string, string>>, lang: string) =>
  Object.fromEntries(Object.entries(table).map(([code, names]) => [code, names[lang]]));

/**
 * A CSV downloaded from the analytics pages names a need's visibility, a supplier's verification and a
 * decline reason with the words the web app shows for them (the buyer's visibility choice, the
 * directory's badge, the supplier's decline reasons), in each of the four languages.
 */
describe('analytics CSV names', () => {
  it.each(EXPLANATION_LANGS)('are the web app’s names in %s', (lang) => {
    const locale = json(`i18n/locales/${lang}.json`) as Locale;
    const buyer = json(`features/buyer/messages/${lang}.json`) as BuyerMessages;
    const inbox = json(`features/supplier-self-service/messages/inbox/${lang}.json`) as InboxMessages;
    expect(csvNames(CSV_NAMES.verification, lang)).toEqual(locale.profile.verification);
    expect(csvNames(CSV_NAMES.declineReason, lang)).toEqual(inbox.reasons);
    expect(csvNames(CSV_NAMES.visibility, lang)).toEqual(
      Object.fromEntries(Object.entries(buyer.visibility).map(([code, v]) => [code, v.label])),
    );
  });
});
