import { useMutation } from '@apollo/client/react';
import { Alert, Button, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueClaimCodeMutation } from '../../../gql/graphql.js';
import { formatDate } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { fieldMessage, problemMessage } from '../../../lib/problem-messages.js';
import { IssueClaimCodeMutation as IssueClaimCode } from '../api/onboarding.js';
import classes from './claim-hand-over.module.css';

type Issued = IssueClaimCodeMutation['issueSupplierClaimCode'];

/**
 * "Issue a claim code" and the hand-over: the code is shown this once (only its hash is kept), large
 * and copyable, with its expiry and the steps the SME follows, printable on a sheet of its own.
 * Issuing again replaces the code: the button says so.
 */
export function ClaimHandOver({ supplierId, name }: { supplierId: string; name: string }) {
  const { t } = useTranslation();
  const [issue, { loading }] = useMutation(IssueClaimCode);
  const [issued, setIssued] = useState<Issued>();
  const [problem, setProblem] = useState<ApiProblem>();
  const run = async () => {
    setProblem(undefined);
    try {
      const result = await issue({ variables: { supplierId } });
      setIssued(result.data?.issueSupplierClaimCode);
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  const refused = problem ? (fieldMessage(t, problem, 'supplierId') ?? problemMessage(t, problem)) : undefined;
  return (
    <Stack gap="xs">
      {issued ? (
        <HandOverSheet issued={issued} name={name} onClose={() => setIssued(undefined)} />
      ) : (
        <Group gap="xs" align="center" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            loading={loading}
            onClick={() => void run()}
            aria-label={t('console.onboarding.issueName', { name })}
          >
            {t('console.onboarding.issue')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('console.onboarding.issueNote')}
          </Text>
        </Group>
      )}
      {refused ? <Alert color="red">{refused}</Alert> : null}
    </Stack>
  );
}

function HandOverSheet({ issued, name, onClose }: { issued: Issued; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // the code appears where the button was: the focus moves to it, so keyboard and screen-reader users land on it
  useEffect(() => heading.current?.focus(), []);
  const expires = formatDate(lang, issued.expiresAt);
  const claimUrl = `${window.location.origin}/${lang}/claim`;
  const print = () => {
    document.documentElement.classList.add('print-hand-over');
    window.print();
    document.documentElement.classList.remove('print-hand-over');
  };
  return (
    <Paper withBorder p="md" radius="md" className={classes.sheet} data-testid="claim-hand-over">
      <Stack gap="sm">
        <Title order={3} size="h4" ref={heading} tabIndex={-1}>
          {t('console.onboarding.handover.title', { name })}
        </Title>
        <Alert color="orange" variant="light" className={classes.noPrint}>
          {t('console.onboarding.handover.once')}
        </Alert>
        <div>
          <Text size="sm" fw={700} id={`code-${issued.supplierId}`}>
            {t('console.onboarding.handover.code')}
          </Text>
          <Text
            className={classes.code}
            fz={{ base: 22, sm: 34 }}
            fw={700}
            aria-labelledby={`code-${issued.supplierId}`}
            data-testid="claim-code"
          >
            {issued.code}
          </Text>
        </div>
        <Text size="sm">
          {t('console.onboarding.handover.expires', { date: expires })} {t('console.onboarding.handover.replaces')}
        </Text>
        <Group gap="xs" className={classes.noPrint}>
          <CopyButton value={issued.code}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} color={copied ? 'teal.9' : undefined}>
                {copied ? t('console.onboarding.handover.copied') : t('console.onboarding.handover.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={print}>
            {t('console.onboarding.handover.print')}
          </Button>
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('console.onboarding.handover.close')}
          </Button>
        </Group>
        <Title order={4} size="h5">
          {t('console.onboarding.handover.stepsTitle', { name })}
        </Title>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('console.onboarding.handover.step1', { url: claimUrl })}</List.Item>
          <List.Item>{t('console.onboarding.handover.step2')}</List.Item>
          <List.Item>{t('console.onboarding.handover.step3')}</List.Item>
          <List.Item>{t('console.onboarding.handover.step4', { date: expires })}</List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
