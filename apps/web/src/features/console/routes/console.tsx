import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundRoute } from '../../../components/not-found.js';
import { isAdmin, RequireRole } from '../../../components/require-role.js';
import { useLang } from '../../../i18n/use-lang.js';
import { ImportPage } from '../components/import-page.js';
import { StatusPage } from '../components/status-page.js';
import { UsersPage } from '../components/users-page.js';
import { VerificationPage } from '../components/verification-page.js';

const PAGES = { verification: VerificationPage, import: ImportPage, users: UsersPage, status: StatusPage } as const;
type PageName = keyof typeof PAGES;

/** `/:lang/console`: the support centre staff's pages (ADMIN). */
export function ConsoleRoute() {
  return (
    <RequireRole allow={isAdmin}>
      <ConsoleHome />
    </RequireRole>
  );
}

/** `/:lang/console/:page`. */
export function ConsolePageRoute() {
  const { page } = useParams();
  if (!Object.hasOwn(PAGES, page ?? '')) return <NotFoundRoute />;
  const Page = PAGES[page as PageName];
  return (
    <RequireRole allow={isAdmin}>
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

function ConsoleHome() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('console.title')}</Title>
      <Text>{t('console.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {(Object.keys(PAGES) as PageName[]).map((name) => (
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
