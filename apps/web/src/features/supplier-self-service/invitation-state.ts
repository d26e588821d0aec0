import type { IntroductionStatus, NeedStatus } from '../../gql/graphql.js';

/** What an invitation card may offer and say, from the invitation's status and its need's. */
export interface InvitationState {
  /** Accept and decline are offered: the supplier has not answered and the need is still open. */
  answerable: boolean;
  /** How the need ended, when the card should say it (message key), for a supplier it was not awarded to. */
  ended?: 'inbox.ended' | 'inbox.awardedToOther' | 'inbox.closedWithoutAward';
}

export function invitationState(item: { status: IntroductionStatus; needStatus: NeedStatus; awarded: boolean }): InvitationState {
  const open = item.needStatus === 'OPEN' || item.needStatus === 'DRAFT';
  if (item.status === 'INVITED') return open ? { answerable: true } : { answerable: false, ended: 'inbox.ended' };
  if (item.status !== 'ACCEPTED' || open || item.awarded) return { answerable: false };
  return { answerable: false, ended: item.needStatus === 'AWARDED' ? 'inbox.awardedToOther' : 'inbox.closedWithoutAward' };
}
