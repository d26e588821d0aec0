import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsersByEmailQuery as UsersData } from '../../../gql/graphql.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { SetUserRoleMutation, UsersByEmailQuery } from '../api/console.js';

type User = UsersData['usersByEmail'][number];

/** Find users by email; grant or revoke the ANALYST role (the analysts) or the STAFF role (the centre's field staff). */
export function UsersPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [find, { data, loading, error, called }] = useLazyQuery(UsersByEmailQuery, { fetchPolicy: 'network-only' });
  const users = data?.usersByEmail ?? [];
  return (
    <Stack gap="md">
      <Group
        component="form"
        role="search"
        gap="xs"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (email.trim()) void find({ variables: { email: email.trim() } });
        }}
      >
        <TextInput label={t('console.users.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} maw={360} w="100%" />
        <Button type="submit" loading={loading}>
          {t('console.users.find')}
        </Button>
      </Group>
      {error ? <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert> : null}
      {called && !loading && data && users.length === 0 ? <Text>{t('console.users.none')}</Text> : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {users.map((user) => (
          <li key={user.id}>
            <UserRow user={user} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem>();
  const [setRole, { loading }] = useMutation(SetUserRoleMutation);
  const change = async (role: 'ANALYST' | 'STAFF' | 'MEMBER') => {
    setProblem(undefined);
    try {
      await setRole({ variables: { userId: user.id, role } });
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  return (
    <Card withBorder component="article" aria-label={user.email}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600}>{user.displayName}</Text>
          <Text size="sm">{user.email}</Text>
          <Text size="sm" c="gray.7">
            {t('console.users.companies', { count: user.memberships.length })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" data-testid="role">
            {t(`console.users.role.${user.role}`)}
          </Badge>
          {user.role === 'MEMBER' ? (
            <>
              <Button size="xs" loading={loading} onClick={() => void change('ANALYST')}>
                {t('console.users.grant')}
              </Button>
              <Button size="xs" variant="light" loading={loading} onClick={() => void change('STAFF')}>
                {t('console.users.grantStaff')}
              </Button>
            </>
          ) : null}
          {user.role === 'ANALYST' ? (
            <Button size="xs" variant="outline" loading={loading} onClick={() => void change('MEMBER')}>
              {t('console.users.revoke')}
            </Button>
          ) : null}
          {user.role === 'STAFF' ? (
            <Button size="xs" variant="outline" loading={loading} onClick={() => void change('MEMBER')}>
              {t('console.users.revokeStaff')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {problem ? (
        <Alert color="red" mt="xs">
          {problemMessage(t, problem)}
        </Alert>
      ) : null}
    </Card>
  );
}
