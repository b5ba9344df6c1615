import { View } from '@tarojs/components';
import '../promotions.scss';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { ChoiceCell } from '@/components/choice-cell';
import { FormReason, useTouched } from '@/components/form-reason';
import { TextField } from '@/components/text-field';
import type { PromotionRulesView } from '@/domain/contract/promotions';
import { weekdayLabels } from '@/domain/promotion-labels';
import { promotionLimits } from '@/domain/promotions';
import { useSubmit } from '@/lib/use-submit';
import { updatePromotionRules } from '../api/update-promotion-rules';
import { type RulesDraft, rulesDraftFrom, rulesDraftProblem, rulesInputFrom } from '../schedule-draft';

const weekdays = [1, 2, 3, 4, 5, 6, 7];

export function PromotionRulesForm({
  communityId,
  rules,
  onSaved,
}: {
  communityId: string;
  rules: PromotionRulesView;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<RulesDraft>(() => rulesDraftFrom(rules));
  const { busy: saving, run } = useSubmit();
  const problem = rulesDraftProblem(draft);
  const touched = useTouched([draft]);

  function changeEntry(index: number, change: Partial<RulesDraft['schedule'][number]>) {
    setDraft({
      ...draft,
      schedule: draft.schedule.map((entry, i) => (i === index ? { ...entry, ...change } : entry)),
    });
  }

  function save() {
    if (problem) return;
    run(async () => {
      await updatePromotionRules(communityId, rulesInputFrom(draft));
      Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    });
  }

  return (
    <View className="card form promotion-rules-form">
      <TextField
        className="field--tenure"
        label="入群满几天可申请"
        type="number"
        value={draft.minTenureDays}
        onChange={(minTenureDays) => setDraft({ ...draft, minTenureDays })}
      />
      {draft.schedule.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id until saved; order is stable while editing
        <View key={index} className="schedule-entry">
          <ChoiceCell
            label={`第 ${index + 1} 个时段：每周几`}
            className="schedule-entry__weekday"
            options={weekdays.map((weekday) => [weekday, weekdayLabels[weekday]!] as const)}
            value={entry.weekday}
            onChange={(weekday) => changeEntry(index, { weekday })}
          />
          <TextField
            label="开始时间"
            value={entry.startTime}
            placeholder="20:00"
            onChange={(startTime) => changeEntry(index, { startTime })}
          />
          <TextField
            label="时长（分钟）"
            type="number"
            value={entry.durationMinutes}
            onChange={(durationMinutes) => changeEntry(index, { durationMinutes })}
          />
          <TextField
            label="每个时段名额"
            type="number"
            value={entry.places}
            onChange={(places) => changeEntry(index, { places })}
          />
          <ActionButton
            variant="mini"
            onClick={() => setDraft({ ...draft, schedule: draft.schedule.filter((_, i) => i !== index) })}
          >
            删除这个时段
          </ActionButton>
        </View>
      ))}
      {draft.schedule.length < promotionLimits.schedulesMax && (
        <ActionButton
          variant="mini"
          onClick={() =>
            setDraft({
              ...draft,
              schedule: [
                ...draft.schedule,
                { weekday: 5, startTime: '20:00', durationMinutes: '30', places: '3' },
              ],
            })
          }
        >
          添加每周时段
        </ActionButton>
      )}
      <FormReason problem={problem} touched={touched} needs="填好每个时段，就可以保存了" />
      <ActionButton
        variant="primary"
        className="promotion-rules-save"
        disabled={!!problem || saving}
        loading={saving}
        onClick={save}
      >
        保存
      </ActionButton>
    </View>
  );
}
