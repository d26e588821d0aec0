import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import { formatDateTime } from '../i18n/format.js';
import { useLang } from '../i18n/use-lang.js';
import { useMe } from '../lib/use-me.js';

/** The newest changes to a supplier's profile (its members and the centre's staff only). */
export const SupplierAuditLogQuery = graphql(`
  query SupplierAuditLog($supplierId: ID!, $first: Int!) {
    supplierAuditLog(supplierId: $supplierId, first: $first) {
      totalCount
      edges {
        node {
          id
          action
          actorName
          actorRole
          at
          changes {
            field
            confidential
            oldValue
            newValue
          }
        }
      }
    }
  }
`);

const SHOWN = 20;

/**
 * Who changed the profile, when, and which fields: shown to the supplier's members and the
 * centre's staff (the API refuses everyone else). Confidential fields say only that they changed.
 */
export function AuditLog({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const viewer = useMe();
  const mayRead = viewer.isCentreStaff || viewer.supplierIds.includes(supplierId);
  const { data } = useQuery(SupplierAuditLogQuery, {
    variables: { supplierId, first: SHOWN },
    skip: !mayRead,
    fetchPolicy: 'cache-and-network',
  });
  if (!mayRead || !data) return null;
  const log = data.supplierAuditLog;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="audit-log-title">
      <Title order={2} size="h4" mb="xs" id="audit-log-title">
        {t('onboarding.audit.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('onboarding.audit.intro', { shown: log.edges.length, count: log.totalCount })}
      </Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {log.edges.map(({ node }) => (
          <li key={node.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {t(`onboarding.audit.action.${node.action}`)}
              </Text>
              <Badge variant="light" color="gray">
                {t(`onboarding.audit.role.${node.actorRole}`)}
              </Badge>
              {node.actorName ? <Text size="sm">{node.actorName}</Text> : null}
              <Text size="sm" c="dimmed">
                <time dateTime={String(node.at)}>{formatDateTime(lang, String(node.at))}</time>
              </Text>
            </Group>
            {node.changes.length ? (
              <Stack component="ul" gap={2} pl="md" m={0} mt={4}>
                {node.changes.map((change) => (
                  <Text component="li" size="sm" key={change.field} style={{ overflowWrap: 'anywhere' }}>
                    <Text component="span" ff="monospace" size="sm">
                      {change.field}
                    </Text>
                    {': '}
                    {change.confidential
                      ? t('onboarding.audit.confidential')
                      : `${change.oldValue ?? t('onboarding.audit.empty')} → ${change.newValue ?? t('onboarding.audit.empty')}`}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </li>
        ))}
      </Stack>
    </Card>
  );
}
