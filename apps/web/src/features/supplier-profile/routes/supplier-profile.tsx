import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Box, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InviteToNeed } from '../../../components/invite-to-need.js';
import { LazyMap } from '../../../components/lazy-map.js';
import type { MapPoint } from '../../../components/map-view.js';
import { AuditLog } from '../../../components/supplier-audit-log.js';
import { displayName } from '../../../i18n/display-names.js';
import { formatDate, formatList, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { groupByRoot } from '../../../lib/taxonomy-tree.js';
import { SupplierProfileQuery } from '../api/supplier-profile.js';
import { certificateState, todayInVietnam, type CertificateState } from '../certificate-state.js';
import type { SupplierProfileQuery as ProfileData } from '../../../gql/graphql.js';
import { TrackRecordScorecard } from '../../../components/track-record-scorecard.js';
import classes from './facts.module.css';

type Supplier = ProfileData['supplier'];

const STATE_COLOR: Record<CertificateState, string> = { valid: 'teal', lapsing: 'orange', expired: 'red', notYet: 'gray' };

/** Everything public about one supplier, arranged for a buyer. */
export function SupplierProfileRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const { data, error } = useQuery(SupplierProfileQuery, { variables: { id, lang } });
  const supplier = data?.supplier;
  useEffect(() => {
    if (supplier) document.title = `${lang === 'vi' ? supplier.nameVi : (supplier.tradeNameEn ?? supplier.nameVi)} — Hải Phòng`;
  }, [supplier, lang]);
  if (error && !supplier) {
    const problem = problemFrom(error);
    return (
      <Alert
        color={problem.code === 'NOT_FOUND' ? 'gray' : 'red'}
        title={problem.code === 'NOT_FOUND' ? t('profile.notFound') : t(`errors.${problem.code}`)}
        role="alert"
        my="lg"
      >
        <Anchor component={Link} to={`/${lang}`}>
          {t('app.notFound.action')}
        </Anchor>
      </Alert>
    );
  }
  if (!data || !supplier) return <Text py="lg">{t('app.loading')}</Text>;
  return (
    <Stack gap="lg" py="md">
      <Anchor component={Link} to={`/${lang}`} size="sm">
        ← {t('profile.back')}
      </Anchor>
      <ProfileHeader supplier={supplier} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <About supplier={supplier} />
            <Capabilities supplier={supplier} processTree={data.processTree} />
            <Certificates supplier={supplier} labels={new Map(data.certificationTerms.map((term) => [term.code, term.label]))} />
            <EquipmentTable supplier={supplier} />
            <TrackRecordScorecard supplierId={supplier.id} />
            <AuditLog supplierId={supplier.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <InviteToNeed
              supplierId={supplier.id}
              supplierName={lang === 'vi' ? supplier.nameVi : (supplier.tradeNameEn ?? supplier.nameVi)}
            />
            <Terms supplier={supplier} />
            <Location supplier={supplier} />
            <ContactCard supplier={supplier} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <Stack gap={6} component="dl" m={0}>
      {rows.map(([label, value]) => (
        <div key={label} className={classes.row}>
          <Text component="dt" size="sm" c="dimmed" className={classes.label}>
            {label}
          </Text>
          <Text component="dd" size="sm" className={classes.value}>
            {value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function ProfileHeader({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {supplier.nameVi}
        </Title>
        <Badge
          color={supplier.verificationStatus === 'VERIFIED' ? 'teal.9' : 'gray'}
          variant={supplier.verificationStatus === 'VERIFIED' ? 'filled' : 'light'}
        >
          {t(`profile.verification.${supplier.verificationStatus}`)}
        </Badge>
      </Group>
      {supplier.tradeNameEn && <Text c="dimmed">{supplier.tradeNameEn}</Text>}
      {supplier.zone && <Text size="sm">{supplier.zone.label}</Text>}
    </Stack>
  );
}

function About({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  const lang = useLang();
  const description =
    lang === 'vi' ? (supplier.descriptionVi ?? supplier.descriptionEn) : (supplier.descriptionEn ?? supplier.descriptionVi);
  const ownership = `${t(`enums.ownership.${supplier.ownership.type}`)}${supplier.ownership.country ? ` (${displayName(lang, 'region', supplier.ownership.country)})` : ''}`;
  return (
    <Section title={t('profile.about')}>
      {description && <Text mb="sm">{description}</Text>}
      <Facts
        rows={[
          [t('profile.taxCode'), supplier.taxCode],
          [t('profile.ownership'), ownership],
          ...(supplier.foundedYear ? ([[t('profile.founded'), String(supplier.foundedYear)]] as Array<[string, ReactNode]>) : []),
          ...(supplier.employees ? ([[t('profile.employees'), formatNumber(lang, supplier.employees)]] as Array<[string, ReactNode]>) : []),
          ...(supplier.website
            ? ([
                [
                  t('profile.website'),
                  <Anchor key="w" href={supplier.website} target="_blank" rel="noopener noreferrer">
                    {supplier.website.replace(/^https?:\/\//, '')}
                  </Anchor>,
                ],
              ] as Array<[string, ReactNode]>)
            : []),
        ]}
      />
    </Section>
  );
}

function TermList({ title, terms }: { title: string; terms: Array<{ code: string; label: string }> }) {
  if (terms.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      <Group gap={6}>
        {terms.map((term) => (
          <Badge key={term.code} variant="light" color="gray" tt="none">
            {term.label}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function Capabilities({ supplier, processTree }: { supplier: Supplier; processTree: ProfileData['processTree'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('profile.capabilities')}>
      <Stack gap="md">
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('profile.processes')}
          </Title>
          {groupByRoot(supplier.processes, processTree).map((group) => (
            <Group key={group.root} gap={6} align="baseline" wrap="wrap">
              {group.root && (
                <Text size="sm" fw={700}>
                  {group.root}:
                </Text>
              )}
              {group.items.map((process) => (
                <Badge key={process.code} variant="light" tt="none">
                  {process.label}
                </Badge>
              ))}
            </Group>
          ))}
        </Stack>
        <TermList title={t('profile.materials')} terms={supplier.materials} />
        <TermList title={t('profile.productGroups')} terms={supplier.productGroups} />
        <TermList title={t('profile.sectors')} terms={supplier.sectors} />
      </Stack>
    </Section>
  );
}

function Certificates({ supplier, labels }: { supplier: Supplier; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = todayInVietnam();
  if (supplier.certifications.length === 0) return null;
  return (
    <Section title={t('profile.certificates')}>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {supplier.certifications.map((cert) => {
          const state = certificateState(cert, today);
          const date = cert.validUntil ? formatDate(lang, cert.validUntil) : '';
          const when =
            state === 'notYet' && cert.validFrom
              ? t('profile.certificateNotYet', { date: formatDate(lang, cert.validFrom) })
              : !cert.validUntil
                ? t('profile.certificateNoExpiry')
                : state === 'expired'
                  ? t('profile.certificateExpired', { date })
                  : state === 'lapsing'
                    ? t('profile.certificateLapsing', { date })
                    : t('profile.certificateValid', { date });
          return (
            <Group
              component="li"
              key={`${cert.code}:${cert.certificateNumber ?? ''}`}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              data-certificate-state={state}
            >
              <Stack gap={0}>
                <Text fw={600}>{labels.get(cert.code) ?? cert.code}</Text>
                <Text size="sm" c="dimmed">
                  {[cert.issuingBody, cert.certificateNumber].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm">{when}</Text>
              </Stack>
              <Badge color={STATE_COLOR[state]} variant="light">
                {t(
                  `profile.${state === 'valid' ? 'validBadge' : state === 'lapsing' ? 'lapsingBadge' : state === 'expired' ? 'expiredBadge' : 'notYetBadge'}`,
                )}
              </Badge>
            </Group>
          );
        })}
      </Stack>
    </Section>
  );
}

function EquipmentTable({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (supplier.equipment.length === 0) return null;
  const spec = (e: Supplier['equipment'][number]) =>
    [
      e.axes ? `${e.axes} axes` : '',
      e.pressTonnage ? `${formatNumber(lang, e.pressTonnage)} t` : '',
      e.clampForceTonnes ? `${formatNumber(lang, e.clampForceTonnes)} t` : '',
      e.bedSize ?? '',
      e.notes ?? '',
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Section title={t('profile.equipment')}>
      <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('profile.equipment')}>
        <Table striped miw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profile.equipmentKind')}</Table.Th>
              <Table.Th>{t('profile.equipmentMaker')}</Table.Th>
              <Table.Th ta="right">{t('profile.equipmentCount')}</Table.Th>
              <Table.Th>{t('profile.equipmentSpec')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {supplier.equipment.map((e, index) => (
              <Table.Tr key={index}>
                <Table.Td>{t(`enums.equipment.${e.kind}`)}</Table.Td>
                <Table.Td>{[e.maker, e.model].filter(Boolean).join(' ') || t('profile.none')}</Table.Td>
                <Table.Td ta="right">{formatNumber(lang, e.count)}</Table.Td>
                <Table.Td>{spec(e) || t('profile.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Section>
  );
}

function Terms({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = t('profile.none');
  const unit = (u: string) => t(`enums.unit.${u}` as 'enums.unit.PCS');
  return (
    <Section title={t('profile.terms')}>
      <Facts
        rows={[
          [
            t('profile.monthlyCapacity'),
            supplier.monthlyCapacity
              ? t('directory.perMonth', {
                  value: formatNumber(lang, supplier.monthlyCapacity.value),
                  unit: unit(supplier.monthlyCapacity.unit),
                })
              : none,
          ],
          [t('profile.moq'), supplier.minimumOrderQuantity ? formatNumber(lang, supplier.minimumOrderQuantity) : none],
          [t('profile.leadTime'), supplier.leadTimeDays ? t('profile.leadTimeDays', { count: supplier.leadTimeDays }) : none],
          [
            t('profile.tolerance'),
            supplier.bestToleranceMm != null ? `± ${formatNumber(lang, supplier.bestToleranceMm, { maximumFractionDigits: 3 })} mm` : none,
          ],
          [
            t('profile.exportMarkets'),
            supplier.exportMarkets.length
              ? formatList(
                  lang,
                  supplier.exportMarkets.map((code) => displayName(lang, 'region', code)),
                )
              : supplier.exportExperience
                ? t('profile.exportYes')
                : none,
          ],
          [
            t('profile.languages'),
            supplier.languages.length
              ? formatList(
                  lang,
                  supplier.languages.map((code) => displayName(lang, 'language', code)),
                )
              : none,
          ],
        ]}
      />
    </Section>
  );
}

function Location({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  const address = [supplier.address.street, supplier.address.ward, supplier.address.province].filter(Boolean).join(', ');
  const { latitude, longitude } = supplier.location ?? {};
  // The same point while the supplier's place stays: a new list each render rebuilt the map (mid-animation,
  // which Leaflet answers with a page error) whenever the page re-rendered, e.g. as the audit log's labels arrived.
  const points = useMemo<MapPoint[]>(
    () =>
      latitude === undefined || longitude === undefined
        ? []
        : [{ id: supplier.id, latitude, longitude, label: supplier.nameVi, kind: 'supplier' }],
    [supplier.id, supplier.nameVi, latitude, longitude],
  );
  return (
    <Section title={t('profile.location')}>
      <Stack gap="sm">
        <Facts
          rows={[
            [t('profile.address'), address],
            ...(supplier.zone ? ([[t('profile.zone'), supplier.zone.label]] as Array<[string, ReactNode]>) : []),
          ]}
        />
        {supplier.location && <LazyMap points={points} label={t('profile.mapTitle')} noTilesText={t('directory.map.noTiles')} />}
      </Stack>
    </Section>
  );
}

function ContactCard({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  const contact = supplier.contact;
  return (
    <Section title={t('profile.contact')}>
      {contact && !contact.name && !contact.email && !contact.phone ? (
        <Text size="sm" c="dimmed">
          {t('profile.contactNone')}
        </Text>
      ) : contact ? (
        <Facts
          rows={[
            ...(contact.name ? ([[t('auth.displayName'), contact.name]] as Array<[string, ReactNode]>) : []),
            ...(contact.email
              ? ([
                  [
                    t('auth.email'),
                    <Anchor key="e" href={`mailto:${contact.email}`}>
                      {contact.email}
                    </Anchor>,
                  ],
                ] as Array<[string, ReactNode]>)
              : []),
            ...(contact.phone
              ? ([
                  [
                    '☎',
                    <Anchor key="p" href={`tel:${contact.phone.replace(/\s/g, '')}`}>
                      {contact.phone}
                    </Anchor>,
                  ],
                ] as Array<[string, ReactNode]>)
              : []),
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('profile.contactHidden')}
        </Text>
      )}
    </Section>
  );
}
