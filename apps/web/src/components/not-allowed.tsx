import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../i18n/use-lang.js';
import { useMe, type Roles } from '../lib/use-me.js';

/** The page a user works from, as the menu names it: where a page they may not see sends them back to. */
function homeOf(
  me: Roles,
): { path: string; label: 'app.nav.mySupplier' | 'app.nav.buyerNeeds' | 'app.nav.console' | 'app.nav.analytics' } | null {
  if (me.supplierIds.length > 0) return { path: '/my-supplier', label: 'app.nav.mySupplier' };
  if (me.buyerIds.length > 0) return { path: '/buyer/needs', label: 'app.nav.buyerNeeds' };
  if (me.isCentreStaff) return { path: '/console', label: 'app.nav.console' };
  if (me.isAnalyst) return { path: '/analytics', label: 'app.nav.analytics' };
  return null;
}

/**
 * What a page shows a signed-in user who may not see it (another company's need, a staff page, a
 * buyer's member on the supplier pages): a plain explanation, never a half-rendered page, and the
 * way to their own pages (a buyer's sourcing needs, the centre's console) beside the directory. The
 * API refuses the data either way.
 */
export function NotAllowed() {
  const { t } = useTranslation();
  const lang = useLang();
  const home = homeOf(useMe());
  return (
    <Stack align="flex-start" gap="md" py="xl" data-testid="not-allowed">
      <Title order={1}>{t('app.notAllowed.title')}</Title>
      <Text>{t('app.notAllowed.body')}</Text>
      <Group gap="sm">
        {home ? (
          <Button component={Link} to={`/${lang}${home.path}`}>
            {t(home.label)}
          </Button>
        ) : null}
        <Button component={Link} to={`/${lang}`} variant={home ? 'default' : 'filled'}>
          {t('app.notAllowed.action')}
        </Button>
      </Group>
    </Stack>
  );
}
