import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { isSupplierSide, RequireRole } from '../../../components/require-role.js';

interface Props {
  title: string;
  intro?: string;
  /** The page's content, handed the member's supplier (its first, if several), or null for a newcomer who has yet to register one. */
  children: (supplierId: string | null) => ReactNode;
}

/**
 * A page for a supplier's members (see RequireRole and isSupplierSide): its title, introduction and
 * content, or for anyone else only the not-allowed page.
 */
export function MemberPage({ title, intro, children }: Props) {
  return (
    <RequireRole allow={isSupplierSide}>
      {(me) => (
        <Stack gap="md" py="md">
          <Title order={1}>{title}</Title>
          {intro ? (
            <Text size="sm" c="gray.7">
              {intro}
            </Text>
          ) : null}
          {children(me.supplierIds[0] ?? null)}
        </Stack>
      )}
    </RequireRole>
  );
}
