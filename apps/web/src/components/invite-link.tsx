import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../lib/use-me.js';

/**
 * On a directory result: a link to the supplier's page, where a buyer member invites it (buyer
 * members only). A module of its own: the invitation form (`invite-to-need.tsx`) stays off the
 * directory's first page.
 */
export function InviteLink({ supplierId, lang }: { supplierId: string; lang: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.status !== 'ready' || me.buyerIds.length === 0) return null;
  return (
    <Anchor component={Link} to={`/${lang}/suppliers/${supplierId}#invite`} size="sm">
      {t('directory.inviteHere')}
    </Anchor>
  );
}
