import { describe, expect, it } from '@jest/globals';
import { invitationState } from './invitation-state.js';

describe('an invitation card', () => {
  it.each([
    [{ status: 'INVITED', needStatus: 'OPEN', awarded: false }, { answerable: true }],
    [
      { status: 'INVITED', needStatus: 'AWARDED', awarded: false },
      { answerable: false, ended: 'inbox.ended' },
    ],
    [
      { status: 'INVITED', needStatus: 'CLOSED', awarded: false },
      { answerable: false, ended: 'inbox.ended' },
    ],
    [{ status: 'ACCEPTED', needStatus: 'OPEN', awarded: false }, { answerable: false }],
    [{ status: 'ACCEPTED', needStatus: 'AWARDED', awarded: true }, { answerable: false }],
    [
      { status: 'ACCEPTED', needStatus: 'AWARDED', awarded: false },
      { answerable: false, ended: 'inbox.awardedToOther' },
    ],
    [
      { status: 'ACCEPTED', needStatus: 'CLOSED', awarded: false },
      { answerable: false, ended: 'inbox.closedWithoutAward' },
    ],
    [{ status: 'DECLINED', needStatus: 'AWARDED', awarded: false }, { answerable: false }],
  ] as const)('%j: %j', (item, state) => {
    expect(invitationState(item)).toEqual(state);
  });
});
