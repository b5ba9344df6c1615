import { communityLimits, textLength } from '@/domain/community-rules';
import type { CommunityInput } from '@/domain/contract/communities';
import { formTextProblem } from '@/domain/text';

/** What the community form edits: capacity stays text while typing. */
export interface CommunityDraft {
  name: string;
  goal: string;
  rules: string;
  capacity: string;
}

export const emptyCommunityDraft: CommunityDraft = {
  name: '',
  goal: '',
  rules: '',
  capacity: String(communityLimits.capacityDefault),
};

/** The first problem a member should fix, in Chinese, or null when the draft can be sent. */
export function communityDraftProblem(draft: CommunityDraft): string | null {
  const { nameMax, goalMax, rulesMax, capacityMin, capacityMax } = communityLimits;
  if (!draft.name.trim()) return '请填写社群名称';
  if (textLength(draft.name.trim()) > nameMax) return `社群名称最多${nameMax}个字`;
  if (!draft.goal.trim()) return '请填写社群目标';
  if (textLength(draft.goal.trim()) > goalMax) return `社群目标最多${goalMax}个字`;
  if (!draft.rules.trim()) return '请填写群规';
  if (textLength(draft.rules.trim()) > rulesMax) return `群规最多${rulesMax}个字`;
  const textProblem = formTextProblem([
    ['社群名称', draft.name, 'single-line'],
    ['社群目标', draft.goal, 'single-line'],
    ['群规', draft.rules, 'multi-line'],
  ]);
  if (textProblem) return textProblem;
  const capacity = Number(draft.capacity);
  if (!Number.isInteger(capacity) || capacity < capacityMin || capacity > capacityMax) {
    return `人数上限应在${capacityMin}到${capacityMax}之间`;
  }
  return null;
}

export function communityInputFrom(draft: CommunityDraft): CommunityInput {
  return {
    name: draft.name.trim(),
    goal: draft.goal.trim(),
    rules: draft.rules.trim(),
    capacity: Number(draft.capacity),
  };
}
