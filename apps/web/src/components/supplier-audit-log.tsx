import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import type { SupplierAuditLogQuery as AuditLogData } from '../gql/graphql.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLang } from '../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../lib/api-errors.js';
import { problemMessage } from '../lib/problem-messages.js';
import { useMe } from '../lib/use-me.js';
import { AUDIT_FIELD_LABELS } from './audit-field-labels.js';
import { showAuditValue, type AuditValueContext, type ShownValue } from './audit-fields.js';
import { useValueContext } from './use-value-context.js';

/** A page of changes to a supplier's profile, newest first (its members and the centre's staff only). */
export const SupplierAuditLogQuery = graphql(`
  query SupplierAuditLog($supplierId: ID!, $first: Int!, $after: String) {
    supplierAuditLog(supplierId: $supplierId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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

/** Entries per page; "show older changes" appends the next page. */
export const AUDIT_PAGE_SIZE = 20;

type Entry = AuditLogData['supplierAuditLog']['edges'][number]['node'];

/** The centre acting on a profile's content does so for the SME (the API's STAFF role says so; ADMIN editing likewise). */
const ON_BEHALF_ACTIONS = new Set(['CREATED', 'UPDATED', 'CONSENT_CHANGED', 'DELETED']);

/**
 * Who changed the profile, when, in what capacity, and which fields — named as people say them, with
 * the values before and after in the reader's language; confidential fields say only that they
 * changed. Shown to the supplier's members and the centre's staff (the API refuses everyone else).
 */
export function AuditLog({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const viewer = useMe();
  const mayRead = viewer.isCentreStaff || viewer.supplierIds.includes(supplierId);
  const { data, fetchMore } = useQuery(SupplierAuditLogQuery, {
    variables: { supplierId, first: AUDIT_PAGE_SIZE },
    skip: !mayRead,
    fetchPolicy: 'cache-and-network',
  });
  const [more, setMore] = useState<{ loading: boolean; problem?: ApiProblem }>({ loading: false });
  const context = useValueContext();
  if (!mayRead || !data) return null;
  const log = data.supplierAuditLog;
  const showOlder = async () => {
    setMore({ loading: true });
    try {
      await fetchMore({
        variables: { after: log.pageInfo.endCursor },
        // the older page appended to the entries shown (one written meanwhile is not shown twice)
        updateQuery: (shown, { fetchMoreResult }) => {
          const known = new Set(shown.supplierAuditLog.edges.map((edge) => edge.node.id));
          return {
            supplierAuditLog: {
              ...fetchMoreResult.supplierAuditLog,
              edges: [...shown.supplierAuditLog.edges, ...fetchMoreResult.supplierAuditLog.edges.filter((e) => !known.has(e.node.id))],
            },
          };
        },
      });
      setMore({ loading: false });
    } catch (failure) {
      setMore({ loading: false, problem: problemFrom(failure) });
    }
  };
  const remaining = log.totalCount - log.edges.length;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="audit-log-title">
      <Title order={2} size="h4" mb="xs" id="audit-log-title">
        {t('onboarding.audit.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm" role="status" data-testid="audit-log-count">
        {t('onboarding.audit.intro', { shown: formatNumber(lang, log.edges.length), count: formatNumber(lang, log.totalCount) })}
      </Text>
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {log.edges.map(({ node }) => (
          <AuditEntry key={node.id} entry={node} context={context} />
        ))}
      </Stack>
      {more.problem ? (
        <Alert color="red" mt="sm">
          {problemMessage(t, more.problem)}
        </Alert>
      ) : null}
      {log.pageInfo.hasNextPage ? (
        <Button variant="default" mt="sm" onClick={() => void showOlder()} loading={more.loading} style={{ alignSelf: 'flex-start' }}>
          {t('auditLog.showOlder', { count: remaining, formatted: formatNumber(lang, remaining) })}
        </Button>
      ) : null}
    </Card>
  );
}

function AuditEntry({ entry, context }: { entry: Entry; context: AuditValueContext }) {
  const { t } = useTranslation();
  const lang = useLang();
  const centre = entry.actorRole === 'STAFF' || entry.actorRole === 'ADMIN';
  const role = t(`onboarding.audit.role.${entry.actorRole}`);
  const who = entry.actorRole === 'PLATFORM' ? null : (entry.actorName ?? t('auditLog.unknownUser'));
  return (
    <li>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text size="sm" fw={700}>
          {t(`onboarding.audit.action.${entry.action}`)}
        </Text>
        <Text size="sm" c="gray.7">
          <time dateTime={String(entry.at)}>{formatDateTime(lang, String(entry.at))}</time>
        </Text>
      </Group>
      <Group gap={6} wrap="wrap" mt={2} data-testid="audit-actor">
        {who ? <Text size="sm">{who}</Text> : null}
        <Badge variant="light" color="gray" tt="none">
          {role}
        </Badge>
        {centre && ON_BEHALF_ACTIONS.has(entry.action) ? (
          <Text size="sm" c="gray.7">
            {t('auditLog.onBehalf')}
          </Text>
        ) : null}
      </Group>
      {entry.changes.length ? (
        <Stack component="ul" gap={6} pl="md" m={0} mt={6}>
          {entry.changes.map((change) => (
            <li key={change.field} data-field={change.field}>
              <Text size="sm" fw={600}>
                {AUDIT_FIELD_LABELS[change.field] ? t(AUDIT_FIELD_LABELS[change.field] as 'profile.taxCode') : change.field}
              </Text>
              {change.confidential ? (
                <Text size="sm">{t('onboarding.audit.confidential')}</Text>
              ) : (
                <Stack gap={2} component="dl" m={0}>
                  <ValueLine term={t('auditLog.before')} shown={showAuditValue(change.field, change.oldValue, context)} />
                  <ValueLine term={t('auditLog.after')} shown={showAuditValue(change.field, change.newValue, context)} />
                </Stack>
              )}
            </li>
          ))}
        </Stack>
      ) : null}
    </li>
  );
}

/** "Before: …" or "After: …"; a long text wraps, a list of two or more is a list. */
function ValueLine({ term, shown }: { term: string; shown: ShownValue }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text component="dt" size="sm" c="gray.7" style={{ flex: '0 0 auto' }}>
        {term}:
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line', minWidth: 0 }}>
        {shown.kind === 'empty' ? (
          t('onboarding.audit.empty')
        ) : shown.kind === 'text' ? (
          shown.text
        ) : shown.items.length === 1 ? (
          shown.items[0]
        ) : (
          <Stack component="ul" gap={0} m={0} pl="md">
            {shown.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </Stack>
        )}
      </Text>
    </Group>
  );
}
