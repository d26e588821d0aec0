import { Alert, Anchor, Badge, Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InviteLink } from '../../../components/invite-link.js';
import { HighlightedText } from '../../../components/highlighted-text.js';
import { getFragmentData } from '../../../gql/index.js';
import type { SearchSuppliersQuery as SearchSuppliersResult } from '../../../gql/graphql.js';
import { formatDistanceKm, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { SupplierHitFragment } from '../api/search-suppliers.js';
import { updateSearch, type SearchState } from '../search-state.js';

type Search = SearchSuppliersResult['searchSuppliers'];

export function SearchResults({
  state,
  onChange,
  search,
  error,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
  search: Search | undefined;
  error: unknown;
}) {
  const { t } = useTranslation();
  const top = useRef<HTMLDivElement>(null);
  if (error && !search) {
    const problem = problemFrom(error);
    const kind = problem.code === 'SEARCH_UNAVAILABLE' ? 'unavailable' : 'error';
    return (
      <Alert color={kind === 'unavailable' ? 'yellow' : 'red'} title={t(`directory.${kind}.title`)} role="alert">
        {t(`directory.${kind}.body`)}
      </Alert>
    );
  }
  if (!search) return <Text c="dimmed">{t('app.loading')}</Text>;
  if (search.totalHits === 0) {
    return (
      <Stack gap={4} role="status">
        <Title order={2} size="h3">
          {t('directory.empty.title')}
        </Title>
        <Text>{t('directory.empty.body')}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" ref={top}>
      <Text role="status" fw={500}>
        {t('directory.results', { count: search.totalHits })}
      </Text>
      <Stack
        component="ol"
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('directory.results', { count: search.totalHits })}
      >
        {search.hits.map((hit) => (
          <HitCard key={hit.supplier.id} hit={hit} />
        ))}
      </Stack>
      {search.totalPages > 1 && (
        <Pagination
          total={search.totalPages}
          value={state.page}
          onChange={(page) => {
            onChange(updateSearch(state, { page }));
            // the next page is read from its first result, not from the bottom where the buttons are
            top.current?.scrollIntoView({ block: 'start' });
          }}
          getControlProps={(control) => ({ 'aria-label': control })}
          aria-label={t('directory.pagination')}
        />
      )}
    </Stack>
  );
}

function HitCard({ hit: masked }: { hit: Search['hits'][number] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const hit = getFragmentData(SupplierHitFragment, masked);
  const supplier = hit.supplier;
  const validCerts = supplier.certifications.filter((c) => c.isValid);
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/${lang}/suppliers/${supplier.id}`} fw={700} size="lg">
          {supplier.nameVi}
        </Anchor>
        {supplier.verificationStatus === 'VERIFIED' && <Badge color="teal.9">{t('directory.verified')}</Badge>}
      </Group>
      {supplier.zone && (
        <Text size="sm" c="dimmed">
          {supplier.zone.label}
        </Text>
      )}
      {hit.highlights
        // the name is the card's title already; descriptions in the reader's language (English for ja/ko)
        .filter(
          (h) =>
            !h.field.startsWith('name') &&
            !(h.field.startsWith('description') && h.field !== (lang === 'vi' ? 'descriptionVi' : 'descriptionEn')),
        )
        .slice(0, 2)
        .map((h) => (
          <Text key={h.field} size="sm" mt={4}>
            <HighlightedText snippet={h.snippet} />
          </Text>
        ))}
      <Group gap={6} mt="xs" aria-label={t('directory.capabilities')}>
        {supplier.processes.slice(0, 6).map((p) => (
          <Badge key={p.code} variant="light" color="gray" tt="none">
            {p.label}
          </Badge>
        ))}
      </Group>
      <Group gap="md" mt="xs">
        {validCerts.length > 0 && (
          <Text size="sm">
            {t('directory.certificates')}: {validCerts.map((c) => c.code.replace(/_/g, ' ')).join(', ')}
          </Text>
        )}
        {supplier.monthlyCapacity && (
          <Text size="sm">
            {t('directory.capacity')}:{' '}
            {t('directory.perMonth', {
              value: formatNumber(lang, supplier.monthlyCapacity.value),
              unit: t(`enums.unit.${supplier.monthlyCapacity.unit}`),
            })}
          </Text>
        )}
        {hit.distanceKm != null && <Text size="sm">{t('directory.distance', { distance: formatDistanceKm(lang, hit.distanceKm) })}</Text>}
        <InviteLink supplierId={supplier.id} lang={lang} />
      </Group>
    </Card>
  );
}
