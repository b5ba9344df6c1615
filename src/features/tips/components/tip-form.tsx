import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { DateTimePicker } from '@/components/date-time-picker';
import { useTouched } from '@/components/form-reason';
import { ImagePicker } from '@/components/image-picker';
import { TextField } from '@/components/text-field';
import type { TipDetailView, TipInput } from '@/domain/contract/tips';
import { tagLine } from '@/domain/tags';
import { checkTipDraft, tipLimits } from '@/domain/tips';
import { isApiError } from '@/lib/api-error';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { showErrorToast } from '@/lib/show-error-toast';
import { askForSubscriptions } from '@/lib/subscribe-messages';
import { createTip, editTip } from '../api/save-tip';
import '../tips.scss';
import '../tip-detail.scss';

export interface TipFormProps {
  communityId: string;
  /** The team publishes, schedules and drafts; a member's tip goes to review. */
  canPublish: boolean;
  /** Editing an existing tip. */
  tip?: TipDetailView;
  onSaved: (tip: TipDetailView) => void;
}

/**
 * One tag a member typed: `#tag#` as written in chat, which may hold spaces (`#pokemon go#`) and
 * whose closing sharp ends a word, so in `#烘焙 #勺子` the second `#` opens a tag; or a word
 * between spaces, commas or 、.
 */
const typedTag = /#[^#\s][^#]*#(?=[\s,，、#]|$)|[^\s,，、]+/g;

/** Tags as shown, `#烘焙 #ppt技巧`, or as in chat, `#烘焙# #ppt技巧#`, in the order typed. */
export function splitTags(text: string): string[] {
  return text.match(typedTag) ?? [];
}

type Action = 'publish' | 'schedule' | 'draft' | 'suggest' | 'edit';

/** The editor: live counts, a live preview, and the problems of the form in words before sending. */
export function TipForm({ communityId, canPublish, tip, onSaved }: TipFormProps) {
  const [title, setTitle] = useState(tip?.title ?? '');
  const [body, setBody] = useState(tip?.body ?? '');
  const [steps, setSteps] = useState<string[]>(tip?.steps.length ? tip.steps : ['']);
  const [tagText, setTagText] = useState(tip ? tagLine(tip.tags) : '');
  const [minutes, setMinutes] = useState(String(tip?.minutes ?? 5));
  const [publishDate, setPublishDate] = useState(() =>
    dayjs().tz(appTimeZone).add(1, 'day').format('YYYY-MM-DD'),
  );
  const [publishTime, setPublishTime] = useState('20:00');
  const [busy, setBusy] = useState<Action | null>(null);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  // undefined: the picture stays as it is; null: removed; an upload: the new picture.
  const [image, setImage] = useState<{ id: string; url: string } | null | undefined>(undefined);
  const imageUrl = image === undefined ? (tip?.imageUrl ?? null) : (image?.url ?? null);
  const imageUploadId = image === undefined ? undefined : (image?.id ?? null);

  const draft = { title, body, steps, tags: splitTags(tagText), minutes: Number(minutes) };
  const checked = checkTipDraft(draft);
  // A new form nobody has typed in yet is not wrong: it says what it needs; errors wait for typing.
  const untouched = !useTouched([title, body, steps, tagText, minutes]) && !tip;
  const problems = checked.ok || untouched ? [] : Object.values(checked.fields);
  const preview = checked.ok ? checked.tip : null;

  const setStep = (index: number, value: string) =>
    setSteps((current) => current.map((step, i) => (i === index ? value : step)));

  const submit = async (action: Action) => {
    if (!checked.ok) return;
    // A suggestion's review result (已发布 / 未通过) reaches WeChat only with a consent, asked
    // straight from the tap as WeChat requires: before any await, and never awaited.
    if (action === 'suggest') askForSubscriptions(['tipResult']);
    let input: TipInput = { ...checked.tip, ...(imageUploadId !== undefined ? { imageUploadId } : {}) };
    if (action === 'draft') input = { ...input, draft: true };
    if (action === 'schedule') {
      const at = dayjs.tz(`${publishDate} ${publishTime}`, appTimeZone);
      input = { ...input, publishAt: at.toISOString() };
    }
    setBusy(action);
    setServerFields({});
    try {
      const saved = tip ? await editTip(tip.id, input) : await createTip(communityId, input);
      const done = {
        publish: '已发布',
        schedule: '已定时',
        draft: '已存草稿',
        suggest: '已投稿，等待审核',
        edit: '已保存',
      };
      Taro.showToast({ title: done[action], icon: 'success' });
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.fields) setServerFields(error.fields);
      showErrorToast(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="card form tip-form">
      <TextField
        label="标题"
        value={title}
        onChange={setTitle}
        max={tipLimits.titleMax}
        className="field--title"
        placeholder="一句话说清这个小技巧"
      />
      <TextField
        label="内容"
        value={body}
        onChange={setBody}
        max={tipLimits.bodyMax}
        multiline
        className="field--body"
        placeholder="它解决什么问题？"
      />
      {steps.map((step, index) => (
        <TextField
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are numbered by position
          key={index}
          label={`步骤 ${index + 1}`}
          value={step}
          onChange={(value) => setStep(index, value)}
          max={tipLimits.stepMax}
          className={`field--step field--step-${index + 1}`}
        />
      ))}
      {steps.length < tipLimits.stepsMax && (
        <ActionButton variant="mini" className="tip-add-step" onClick={() => setSteps([...steps, ''])}>
          添加步骤
        </ActionButton>
      )}
      <TextField
        label="标签"
        value={tagText}
        onChange={setTagText}
        className="field--tags"
        placeholder="#ppt技巧 #烘焙"
        hint={`最多 ${tipLimits.tagsMax} 个`}
      />
      <TextField
        label="试一次要几分钟"
        value={minutes}
        onChange={setMinutes}
        type="number"
        className="field--minutes"
        hint={`${tipLimits.minutesMin}-${tipLimits.minutesMax} 分钟`}
      />

      <ImagePicker use="tip" name="tip-image" url={imageUrl} onChange={setImage} />

      {untouched && <Text className="hint tip-form__needs">写好标题和内容后就可以发布了</Text>}
      {[...problems, ...Object.values(serverFields)].map((problem) => (
        <Text key={problem} className="form__problem tip-problem">
          {problem}
        </Text>
      ))}

      {preview && (
        <View className="card tip-preview">
          <Text className="label">预览</Text>
          <Text className="tip-card__title">{preview.title}</Text>
          <Text className="tip-detail__body">{preview.body}</Text>
          {preview.steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are numbered by position
            <View key={index} className="tip-step">
              <Text className="tip-step__number">{index + 1}</Text>
              <Text className="tip-step__text">{step}</Text>
            </View>
          ))}
          <View className="tip-card__tags">
            {preview.tags.map((tag) => (
              <Text key={tag} className="tip-tag">
                #{tag}
              </Text>
            ))}
          </View>
          <Text className="tip-minutes">{`${preview.minutes}分钟`}</Text>
        </View>
      )}

      {tip ? (
        <ActionButton
          variant="primary"
          className="tip-save-edit"
          disabled={!checked.ok || !!busy}
          loading={busy === 'edit'}
          onClick={() => submit('edit')}
        >
          保存修改
        </ActionButton>
      ) : canPublish ? (
        <>
          <ActionButton
            variant="primary"
            className="tip-publish-now"
            disabled={!checked.ok || !!busy}
            loading={busy === 'publish'}
            onClick={() => submit('publish')}
          >
            立即发布
          </ActionButton>
          <DateTimePicker
            label="定时发布时间（北京时间）"
            date={publishDate}
            time={publishTime}
            onDateChange={setPublishDate}
            onTimeChange={setPublishTime}
            earliest={new Date()}
            className="field--publish-at"
          />
          <ActionButton
            className="tip-schedule"
            disabled={!checked.ok || !!busy}
            loading={busy === 'schedule'}
            onClick={() => submit('schedule')}
          >
            定时发布
          </ActionButton>
          <ActionButton
            className="tip-save-draft"
            disabled={!checked.ok || !!busy}
            loading={busy === 'draft'}
            onClick={() => submit('draft')}
          >
            存草稿
          </ActionButton>
        </>
      ) : (
        <ActionButton
          variant="primary"
          className="tip-suggest"
          disabled={!checked.ok || !!busy}
          loading={busy === 'suggest'}
          onClick={() => submit('suggest')}
        >
          提交投稿
        </ActionButton>
      )}
    </View>
  );
}
