import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';

/** The frame of the one-card forms: sign-in, register, claiming a profile. */
export function AuthForm({
  title,
  onSubmit,
  submitLabel,
  busy,
  formError,
  footer,
  footerLink,
  footerTo,
  children,
}: {
  title: string;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  formError?: string;
  footer: string;
  footerLink: string;
  footerTo: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Card withBorder maw={440} mx="auto" my="xl" padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h2">
            {title}
          </Title>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {children}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Text size="sm">
            {footer}{' '}
            <Anchor component={Link} to={footerTo}>
              {footerLink}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Card>
  );
}
