import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import { problemFrom, type ApiProblem } from '../lib/api-errors.js';
import { problemMessage } from '../lib/problem-messages.js';
import { useMe } from '../lib/use-me.js';

const OpenNeedsQuery = graphql(`
  query MyOpenNeeds($buyerId: ID!) {
    sourcingNeeds(first: 100, filter: { buyerId: $buyerId, statuses: [OPEN] }) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const InviteToNeedMutation = graphql(`
  mutation InviteToNeed($input: InviteSuppliersInput!) {
    inviteSuppliers(input: $input) {
      id
      status
    }
  }
`);

/**
 * "Invite to one of my open needs", on a supplier's page: shown to members of a buyer only (the API
 * decides whether the invitation is allowed).
 */
export function InviteToNeed({ supplierId, supplierName }: { supplierId: string; supplierName: string }) {
  const me = useMe();
  if (me.status !== 'ready' || me.buyerIds.length === 0) return null;
  return <InviteForm buyerId={me.buyerIds[0]!} supplierId={supplierId} supplierName={supplierName} />;
}

function InviteForm({ buyerId, supplierId, supplierName }: { buyerId: string; supplierId: string; supplierName: string }) {
  const { t } = useTranslation();
  const needs = useQuery(OpenNeedsQuery, { variables: { buyerId } });
  const [needId, setNeedId] = useState('');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [sent, setSent] = useState(false);
  const [invite, { loading }] = useMutation(InviteToNeedMutation);
  const open = needs.data?.sourcingNeeds.edges.map((e) => e.node) ?? [];
  const chosen = needId || open[0]?.id || '';
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="invite-title" id="invite">
      <Stack gap="xs">
        <Title order={2} size="h5" id="invite-title">
          {t('buyer.inviteHere.title', { name: supplierName })}
        </Title>
        {open.length === 0 ? (
          <Text size="sm">{t('buyer.inviteHere.noOpenNeeds')}</Text>
        ) : (
          <>
            <NativeSelect
              label={t('buyer.inviteHere.need')}
              value={chosen}
              onChange={(e) => setNeedId(e.currentTarget.value)}
              data={open.map((n) => ({ value: n.id, label: n.title }))}
            />
            <Textarea
              label={t('buyer.match.message')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button
              style={{ alignSelf: 'flex-start' }}
              loading={loading}
              onClick={() => {
                setProblem(undefined);
                invite({ variables: { input: { needId: chosen, supplierIds: [supplierId], message: message.trim() || null } } }).then(
                  () => setSent(true),
                  (error: unknown) => setProblem(problemFrom(error)),
                );
              }}
            >
              {t('buyer.inviteHere.send')}
            </Button>
          </>
        )}
        {sent ? (
          <Alert color="teal" role="status">
            {t('buyer.match.invited', { count: 1 })}
          </Alert>
        ) : null}
        {problem ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
      </Stack>
    </Paper>
  );
}
