import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundRoute } from '../../../components/not-found.js';
import { isAdmin, isCentreStaff, RequireRole, type Me } from '../../../components/require-role.js';
import { useLang } from '../../../i18n/use-lang.js';
import { ImportPage } from '../components/import-page.js';
import { OnboardingPage } from '../components/onboarding-page.js';
import { StatusPage } from '../components/status-page.js';
import { UsersPage } from '../components/users-page.js';
import { VerificationPage } from '../components/verification-page.js';

/**
 * The console's pages and who may use each, as the API allows: onboarding for the centre's STAFF
 * and ADMIN; verification, registry import, users and system status for ADMIN only.
 */
const PAGES = {
  verification: { Page: VerificationPage, allow: isAdmin },
  import: { Page: ImportPage, allow: isAdmin },
  users: { Page: UsersPage, allow: isAdmin },
  status: { Page: StatusPage, allow: isAdmin },
  onboarding: { Page: OnboardingPage, allow: isCentreStaff },
} as const;
type PageName = keyof typeof PAGES;

/** `/:lang/console`: the support centre staff's pages (ADMIN; STAFF sees the ones it may use). */
export function ConsoleRoute() {
  return <RequireRole allow={isCentreStaff}>{(me) => <ConsoleHome me={me} />}</RequireRole>;
}

/** `/:lang/console/:page`. */
export function ConsolePageRoute() {
  const { page } = useParams();
  if (!Object.hasOwn(PAGES, page ?? '')) return <NotFoundRoute />;
  const { Page, allow } = PAGES[page as PageName];
  return (
    <RequireRole allow={allow}>
      <ConsoleFrame name={page as PageName}>
        <Page />
      </ConsoleFrame>
    </RequireRole>
  );
}

function ConsoleFrame({ name, children }: { name: PageName; children: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="md" py="md">
      <Anchor component={Link} to={`/${lang}/console`} size="sm">
        {t('console.back')}
      </Anchor>
      <Title order={1}>{t(`console.${name}.title`)}</Title>
      <Text>{t(`console.${name}.intro`)}</Text>
      {children}
    </Stack>
  );
}

function ConsoleHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pages = (Object.keys(PAGES) as PageName[]).filter((name) => PAGES[name].allow(me));
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('console.title')}</Title>
      <Text>{t(me.isAdmin ? 'console.intro' : 'console.introStaff')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {pages.map((name) => (
          <Card withBorder component="li" key={name}>
            <Anchor component={Link} to={`/${lang}/console/${name}`} fw={600}>
              {t(`console.${name}.title`)}
            </Anchor>
            <Text size="sm" mt={4}>
              {t(`console.${name}.intro`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
