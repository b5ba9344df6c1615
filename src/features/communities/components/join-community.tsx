import { useState } from 'react';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import { GroupJoinGate } from './group-join-gate';
import { JoinCommunityForm } from './join-community-form';
import { JoinRequestPanel } from './join-request-panel';
import { JoinRequestedCard } from './join-requested-card';

export interface JoinTarget {
  /** The team's invite code, from their share card or typed by hand. */
  code?: string;
  /** The community a member's share card names (members do not see the code). */
  communityId?: string;
  inviterId?: string;
}

/**
 * The ways in, in order: the bound WeChat group the card was opened in, the invite code, or a
 * request to the team from a member's card.
 */
export function JoinCommunity({ code, communityId, inviterId }: JoinTarget) {
  const [requested, setRequested] = useState<MyJoinRequestView | null>(null);

  function content() {
    if (requested) return <JoinRequestedCard request={requested} onWithdrawn={() => setRequested(null)} />;
    if (communityId && !code) return <JoinRequestPanel communityId={communityId} inviterId={inviterId} />;
    return <JoinCommunityForm initialCode={code} inviterId={inviterId} onRequested={setRequested} />;
  }

  return (
    <GroupJoinGate communityId={communityId} inviterId={inviterId}>
      {content()}
    </GroupJoinGate>
  );
}
