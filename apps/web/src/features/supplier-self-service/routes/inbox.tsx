import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclineReason, InboxQuery as InboxData } from '../../../gql/graphql.js';
import { formatDate } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { fieldMessage, problemMessage } from '../../../lib/problem-messages.js';
import { BuyerContactQuery, InboxQuery, RespondToInvitationMutation } from '../api/inbox.js';
import { MemberPage } from '../components/member-page.js';
import { invitationState } from '../invitation-state.js';
import { Loading } from '../../../components/loading.js';

type Introduction = InboxData['inbox'][number];
const REASONS: DeclineReason[] = ['NOT_OUR_PROCESS', 'CAPACITY', 'CERTIFICATION', 'TIMING', 'PRICE', 'OTHER'];
// Outline badges in dark shades: readable (WCAG AA) on white.
const STATUS_COLOR = { INVITED: 'blue.9', ACCEPTED: 'teal.9', DECLINED: 'gray.8', SHORTLISTED: 'gray.8' } as const;

/** `/:lang/inbox`: invitations to the member's suppliers, to accept or decline with a reason. */
export function InboxRoute() {
  const { t } = useTranslation();
  return <MemberPage title={t('inbox.title')}>{() => <InboxList />}</MemberPage>;
}

function InboxList() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(InboxQuery, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (loading && !data) return <Loading />;
  // The inbox also holds answers to the member's own needs (as a buyer): this page is the supplier's side.
  const invitations = (data?.inbox ?? []).filter((item) => item.status !== 'SHORTLISTED' && item.invitedAt);
  if (invitations.length === 0) return <Text>{t('inbox.empty')}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {invitations.map((item) => (
        <li key={item.id}>
          <Invitation item={item} />
        </li>
      ))}
    </Stack>
  );
}

function Invitation({ item }: { item: Introduction }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason>('NOT_OUR_PROCESS');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [respond, { loading }] = useMutation(RespondToInvitationMutation);
  const answer = async (accept: boolean) => {
    setProblem(undefined);
    try {
      await respond({
        variables: {
          input: accept ? { introductionId: item.id, accept } : { introductionId: item.id, accept, reason, text: note.trim() || null },
        },
      });
      setDeclining(false);
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  const titleId = `invitation-${item.id}`;
  // an invitation is answered while its need is open; afterwards the card says how the need ended
  const { answerable, ended } = invitationState(item);
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {item.needTitle}
          </Title>
          {item.awarded ? (
            <Badge color="teal.9" variant="filled" data-testid="awarded-to-you">
              {t('inbox.awardedToYou')}
            </Badge>
          ) : (
            <Badge color={STATUS_COLOR[item.status]} variant="outline">
              {t(`inbox.status.${item.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="gray.7">
          {t('inbox.from', { buyer: item.buyerName ?? t('inbox.anonymousBuyer') })} · {t('inbox.to', { supplier: item.supplierName })}
          {item.invitedAt ? ` · ${t('inbox.invitedAt', { date: formatDate(lang, item.invitedAt) })}` : ''}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.message ?? t('inbox.noMessage')}</Text>
        {item.status === 'DECLINED' && item.declineReason ? (
          <Text size="sm">{t('inbox.declinedBecause', { reason: t(`inbox.reasons.${item.declineReason}`) })}</Text>
        ) : null}
        {ended ? <Text size="sm">{t(ended)}</Text> : null}
        {item.status === 'ACCEPTED' && item.buyerId ? <BuyerContact buyerId={item.buyerId} /> : null}
        {problem ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
        {answerable && !declining ? (
          <Group gap="xs">
            <Button onClick={() => void answer(true)} loading={loading}>
              {t('inbox.accept')}
            </Button>
            <Button variant="default" onClick={() => setDeclining(true)}>
              {t('inbox.decline')}
            </Button>
          </Group>
        ) : null}
        {answerable && declining ? (
          <Stack gap="xs">
            <NativeSelect
              label={t('inbox.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value as DeclineReason)}
              data={REASONS.map((value) => ({ value, label: t(`inbox.reasons.${value}`) }))}
              error={fieldMessage(t, problem, 'reason')}
            />
            <Textarea
              label={t('inbox.reasonText')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fieldMessage(t, problem, 'text')}
              autosize
              minRows={2}
            />
            <Group gap="xs">
              <Button color="red" onClick={() => void answer(false)} loading={loading}>
                {t('inbox.confirmDecline')}
              </Button>
              <Button variant="default" onClick={() => setDeclining(false)}>
                {t('inbox.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Once accepted, the API shows the supplier the buyer's contact. */
function BuyerContact({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(BuyerContactQuery, { variables: { id: buyerId }, fetchPolicy: 'network-only' });
  if (!data) return null;
  const contact = data.buyer.contact;
  return (
    <Stack gap={2} component="section" aria-label={t('inbox.buyerContact')}>
      <Text size="sm" fw={600}>
        {t('inbox.buyerContact')}
      </Text>
      {contact && (contact.name || contact.email || contact.phone) ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {[contact.name, contact.email, contact.phone].filter(Boolean).join(' · ')}
        </Text>
      ) : (
        <Text size="sm">{t('inbox.noContact')}</Text>
      )}
    </Stack>
  );
}
