import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { ChoiceCell } from '@/components/choice-cell';
import { DateTimePicker } from '@/components/date-time-picker';
import { FieldCell } from '@/components/field-cell';
import { FormReason, useTouched } from '@/components/form-reason';
import { PickerCell } from '@/components/picker-cell';
import { TextField } from '@/components/text-field';
import type { MemberView } from '@/domain/contract/communities';
import type { SessionInput } from '@/domain/contract/sessions';
import type { SeriesRepeat } from '@/domain/session-series';
import { reminderLabel, remindersAhead, sessionLimits } from '@/domain/sessions';
import { formTextProblem } from '@/domain/text';
import { userTimeProblemMessages, userTimeRange } from '@/domain/user-time';
import { useSubmit } from '@/lib/use-submit';
import {
  deadlineChoices,
  draftRepeat,
  draftStartsAt,
  draftToInput,
  reminderChoices,
  repeatChoices,
  type SessionDraft,
} from '../session-draft';
import '../sessions.scss';

export interface SeriesChoice {
  repeat: SeriesRepeat;
  count: number;
}

interface SessionFormProps {
  initial: SessionDraft;
  members: MemberView[];
  submitLabel: string;
  /** A new session may repeat (重复); an existing one is edited as it is. */
  repeatable?: boolean;
  onSubmit: (input: SessionInput, series: SeriesChoice | null) => Promise<void>;
}

/** Problems the organiser can fix before sending; the server checks all of it again. */
function problemsOf(draft: SessionDraft): string | null {
  if (!draft.title.trim()) return '请填写活动标题';
  const start = draftStartsAt(draft);
  if (!start || start.getTime() <= Date.now()) return '开始时间必须在将来';
  if (start.getTime() > userTimeRange(new Date()).latest.getTime())
    return `开始时间：${userTimeProblemMessages.tooLate}`;
  const duration = Number(draft.durationMinutes);
  if (
    !Number.isInteger(duration) ||
    duration < sessionLimits.durationMin ||
    duration > sessionLimits.durationMax
  ) {
    return `时长 ${sessionLimits.durationMin}-${sessionLimits.durationMax} 分钟`;
  }
  const capacity = Number(draft.capacity);
  if (
    !Number.isInteger(capacity) ||
    capacity < sessionLimits.capacityMin ||
    capacity > sessionLimits.capacityMax
  ) {
    return `名额 ${sessionLimits.capacityMin}-${sessionLimits.capacityMax} 人`;
  }
  if (draft.mode === 'online' && !/^https?:\/\/\S+$/.test(draft.meetingLink.trim()))
    return '请填写以 http 开头的会议链接';
  if (draft.mode === 'offline' && !draft.address.trim()) return '请填写活动地址';
  const repeat = draftRepeat(draft);
  if (repeat && 'problem' in repeat) return repeat.problem;
  if (repeat && repeat.dates[repeat.dates.length - 1]!.getTime() > userTimeRange(new Date()).latest.getTime())
    return '最后一次不能晚于一年后';
  return formTextProblem([
    ['活动标题', draft.title, 'single-line'],
    ['活动介绍', draft.description, 'multi-line'],
    ['会议链接', draft.meetingLink, 'link'],
    ['地址', draft.address, 'single-line'],
    ...draft.materials.split('\n').map((line) => ['需要准备', line, 'single-line'] as const),
  ]);
}

/** 安排活动 / 编辑活动: the essay's advice (short and practical) shows as a nudge on the duration. */
export function SessionForm({ initial, members, submitLabel, repeatable, onSubmit }: SessionFormProps) {
  const [draft, setDraft] = useState(initial);
  const { busy, run } = useSubmit();
  const set =
    <K extends keyof SessionDraft>(key: K) =>
    (value: SessionDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const problem = problemsOf(draft);
  // A session being edited shows what is wrong at once; a new one first says what it needs.
  const touched = useTouched([draft]) || initial.title !== '';
  const hostIndex = Math.max(
    0,
    members.findIndex((m) => m.userId === draft.hostUserId),
  );
  const longSession = Number(draft.durationMinutes) > sessionLimits.durationRecommendedMax;
  const start = draftStartsAt(draft);
  const remindersStillAhead = start
    ? remindersAhead(start, reminderChoices, new Date())
    : [...reminderChoices];

  function submit() {
    const repeat = repeatable ? draftRepeat(draft) : null;
    run(() =>
      onSubmit(
        draftToInput(draft),
        repeat && 'dates' in repeat ? { repeat: repeat.repeat, count: repeat.count } : null,
      ),
    );
  }

  function toggleReminder(offset: number) {
    setDraft((d) => {
      const has = d.reminderOffsets.includes(offset);
      const next = has ? d.reminderOffsets.filter((o) => o !== offset) : [...d.reminderOffsets, offset];
      return { ...d, reminderOffsets: next.slice(0, sessionLimits.remindersMax).sort((a, b) => b - a) };
    });
  }

  return (
    <View className="card session-form">
      <TextField
        label="活动标题"
        value={draft.title}
        onChange={set('title')}
        max={sessionLimits.titleMax}
        placeholder="例如：15分钟学会切水果做蛋糕装饰"
        className="field--title"
      />
      <TextField
        label="活动介绍"
        value={draft.description}
        onChange={set('description')}
        max={sessionLimits.descriptionMax}
        multiline
        className="field--description"
      />
      <DateTimePicker
        label="开始时间"
        date={draft.date}
        time={draft.time}
        onDateChange={set('date')}
        onTimeChange={set('time')}
        earliest={new Date()}
        className="field--starts-at"
      />
      {repeatable && (
        <>
          <ChoiceCell
            label="重复"
            className="session-form__repeat"
            options={repeatChoices}
            value={draft.repeat}
            onChange={set('repeat')}
          />
          {draft.repeat !== 'none' && (
            <TextField
              label="共几次"
              type="number"
              value={draft.repeatCount}
              onChange={set('repeatCount')}
              className="field--repeat-count"
              hint="每一次都是单独的活动，有各自的名额和候补"
            />
          )}
        </>
      )}
      <TextField
        label="时长（分钟）"
        type="number"
        value={draft.durationMinutes}
        onChange={set('durationMinutes')}
        className="field--duration"
        hint={longSession ? '超过 45 分钟了：短小、马上能用的分享，参与的人更多' : '建议 45 分钟以内'}
      />
      <ChoiceCell
        label="形式"
        className="session-form__mode"
        options={
          [
            ['online', '线上'],
            ['offline', '线下'],
          ] as const
        }
        value={draft.mode}
        onChange={set('mode')}
      />
      {draft.mode === 'online' ? (
        <TextField
          label="会议链接"
          value={draft.meetingLink}
          onChange={set('meetingLink')}
          max={sessionLimits.meetingLinkMax}
          kind="link"
          placeholder="https://"
          className="field--link"
        />
      ) : (
        <TextField
          label="地址"
          value={draft.address}
          onChange={set('address')}
          max={sessionLimits.locationMax}
          className="field--address"
        />
      )}
      <TextField
        label="名额"
        type="number"
        value={draft.capacity}
        onChange={set('capacity')}
        className="field--capacity"
      />
      {members.length > 0 && (
        <PickerCell
          label="主持人"
          className="session-form__host"
          options={members.map((m) => m.nickname)}
          value={hostIndex}
          onChange={(index) => set('hostUserId')(members[index]!.userId)}
        />
      )}
      <TextField
        label="需要准备（每行一项）"
        value={draft.materials}
        onChange={set('materials')}
        multiline
        placeholder={'一把水果刀\n一个猕猴桃'}
        className="field--materials"
      />
      <TextField
        label="标签（空格分隔）"
        value={draft.tags}
        onChange={set('tags')}
        placeholder="烘焙 小技巧"
        className="field--tags"
      />
      <ChoiceCell
        label="报名截止"
        className="session-form__deadline"
        options={deadlineChoices}
        value={draft.deadlineBeforeMinutes}
        onChange={set('deadlineBeforeMinutes')}
      />
      <FieldCell label="提醒（最多 3 个）" className="session-form__reminders">
        <View className="choice-row">
          {reminderChoices.map((offset) => {
            // Too late for this one at the start picked: shown, but neither selected nor selectable.
            const past = !remindersStillAhead.includes(offset);
            const selected = !past && draft.reminderOffsets.includes(offset);
            return (
              <Text
                key={offset}
                className={`choice ${selected ? 'is-selected' : ''} ${past ? 'is-disabled' : ''}`}
                onClick={() => !past && toggleReminder(offset)}
              >
                {reminderLabel(offset)}
              </Text>
            );
          })}
        </View>
      </FieldCell>
      <ChoiceCell
        label="候补转正后需确认"
        className="session-form__claim"
        options={
          [
            [null, '自动转正'],
            [12, '12 小时内确认'],
          ] as const
        }
        value={draft.claimWindowHours}
        onChange={set('claimWindowHours')}
      />
      <FormReason problem={problem} touched={touched} needs="写好标题、选好开始时间，就可以发布活动了" />
      <ActionButton
        variant="primary"
        className="session-submit"
        disabled={!!problem || busy}
        loading={busy}
        onClick={submit}
      >
        {submitLabel}
      </ActionButton>
    </View>
  );
}
