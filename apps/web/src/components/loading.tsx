import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The spinner shown while a page's data is on its way. Mantine's <Loader/> is a bare <span>, where a
 * name (`aria-label`) is not allowed (axe: aria-prohibited-attr) and a screen reader says nothing;
 * as a `status` it is a live region that announces "loading" in the reader's language.
 * `data-spinner` lets the browser tests wait until a page has its data before they judge it.
 */
export function Loading(props: LoaderProps) {
  const { t } = useTranslation();
  return <Loader role="status" data-spinner="" aria-label={t('app.loading')} {...props} />;
}
