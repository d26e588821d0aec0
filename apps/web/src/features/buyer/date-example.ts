import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.js';
import { useLang } from '../../i18n/use-lang.js';

/**
 * A date field's example day as a hint under its label ("e.g. 2026. 12. 31."), not as the empty
 * field's placeholder: grey digits in the box read as a day already filled in.
 */
export function useDateExample(): { placeholder: string; description: string } {
  const { t } = useTranslation();
  const lang = useLang();
  return { placeholder: '', description: t('buyer.form.dateExample', { date: formatDate(lang, '2026-12-31') }) };
}
