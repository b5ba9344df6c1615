import { TextField } from '@/components/text-field';
import { communityLimits } from '@/domain/community-rules';
import type { CommunityDraft } from '../community-draft';

const { nameMax, goalMax, rulesMax, capacityMax, recommendedBand } = communityLimits;

/** The name, goal, rules and capacity fields shared by creating and editing a community. */
export function CommunityFields({
  draft,
  onChange,
}: {
  draft: CommunityDraft;
  onChange: (draft: CommunityDraft) => void;
}) {
  return (
    <>
      <TextField
        className="field--name"
        label="社群名称"
        value={draft.name}
        max={nameMax}
        placeholder="例如：早起读书会"
        onChange={(name) => onChange({ ...draft, name })}
      />
      <TextField
        className="field--goal"
        label="社群目标"
        value={draft.goal}
        max={goalMax}
        placeholder="一句话说清大家为什么在一起"
        onChange={(goal) => onChange({ ...draft, goal })}
      />
      <TextField
        className="field--rules"
        label="群规"
        value={draft.rules}
        max={rulesMax}
        multiline
        placeholder="例如：不发广告；每周分享一次"
        onChange={(rules) => onChange({ ...draft, rules })}
      />
      <TextField
        className="field--capacity"
        label="人数上限"
        value={draft.capacity}
        type="number"
        hint={`建议${recommendedBand.min}-${recommendedBand.max}人，最多${capacityMax}人`}
        onChange={(capacity) => onChange({ ...draft, capacity })}
      />
    </>
  );
}
