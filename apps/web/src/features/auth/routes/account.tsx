import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { useSession } from '../../../lib/use-session.js';
import { BuyerNameQuery, MeQuery, SupplierNameQuery } from '../api/auth.js';

/** Who I am and which companies I belong to ("forgot which company I belong to"). */
export function AccountRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useSession();
  const location = useLocation();
  const { data } = useQuery(MeQuery, { skip: state.status !== 'signed-in', fetchPolicy: 'cache-and-network' });
  if (state.status === 'anonymous') return <Navigate to={`/${lang}/sign-in`} replace state={{ from: location.pathname }} />;
  if (!data) return <Text py="lg">{t('app.loading')}</Text>;
  const { me } = data;
  return (
    <Stack gap="lg" py="md">
      <Title order={1}>{t('auth.account.title')}</Title>
      <Text>{t('auth.account.signedInAs', { name: me.displayName, email: me.email })}</Text>
      <Text size="sm">
        {t('auth.account.role')}:{' '}
        <Badge variant="light" tt="none">
          {t(`auth.account.roles.${me.role}`)}
        </Badge>
      </Text>
      <Card withBorder component="section">
        <Title order={2} size="h4" mb="sm">
          {t('auth.account.companies')}
        </Title>
        {me.memberships.length === 0 ? (
          <Text c="dimmed">{t('auth.account.noCompanies')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {me.memberships.map((m) => (
              <Group component="li" key={m.companyId} gap="sm">
                <Badge variant="outline">{m.companyKind === 'SUPPLIER' ? t('auth.account.supplier') : t('auth.account.buyer')}</Badge>
                {m.companyKind === 'SUPPLIER' ? <SupplierName id={m.companyId} lang={lang} /> : <BuyerName id={m.companyId} />}
              </Group>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to={`/${lang}/claim`} mt="sm" display="inline-block">
          {t('onboarding.claim.fromAccount')}
        </Anchor>
      </Card>
    </Stack>
  );
}

function SupplierName({ id, lang }: { id: string; lang: string }) {
  const { data } = useQuery(SupplierNameQuery, { variables: { id } });
  return (
    <Anchor component={Link} to={`/${lang}/suppliers/${id}`}>
      {data?.supplier.nameVi ?? id}
    </Anchor>
  );
}

function BuyerName({ id }: { id: string }) {
  const { data } = useQuery(BuyerNameQuery, { variables: { id } });
  return <Text>{data?.buyer.name ?? id}</Text>;
}
