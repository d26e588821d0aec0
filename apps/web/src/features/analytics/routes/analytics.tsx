import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAnalyst, RequireRole } from '../../../components/require-role.js';
import { NotFoundRoute } from '../../../components/not-found.js';
import { useLang } from '../../../i18n/use-lang.js';
import { DASHBOARDS, type DashboardName } from '../dashboards.js';

/** `/:lang/analytics`: the dashboards, for ANALYST and ADMIN. */
export function AnalyticsRoute() {
  return (
    <RequireRole allow={isAnalyst}>
      <AnalyticsHome />
    </RequireRole>
  );
}

/** `/:lang/analytics/:dashboard`. */
export function DashboardRoute() {
  const { dashboard } = useParams();
  const Dashboard = DASHBOARDS[dashboard as DashboardName];
  if (!Object.hasOwn(DASHBOARDS, dashboard ?? '')) return <NotFoundRoute />;
  return (
    <RequireRole allow={isAnalyst}>
      <Dashboard />
    </RequireRole>
  );
}

function AnalyticsHome() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('analytics.title')}</Title>
      <Text>{t('analytics.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {(Object.keys(DASHBOARDS) as DashboardName[]).map((name) => (
          <Card withBorder component="li" key={name}>
            <Anchor component={Link} to={`/${lang}/analytics/${name}`} fw={600}>
              {t(`analytics.${name}.title`)}
            </Anchor>
            <Text size="sm" mt={4}>
              {t(`analytics.${name}.intro`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
