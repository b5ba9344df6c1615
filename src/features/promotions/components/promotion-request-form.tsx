import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { ChoiceCell } from '@/components/choice-cell';
import { FormReason, useTouched } from '@/components/form-reason';
import { ImagePicker } from '@/components/image-picker';
import { TextField } from '@/components/text-field';
import type { PromotionRequestView, PromotionSlotView } from '@/domain/contract/promotions';
import { promotionCategories, promotionLimits } from '@/domain/promotions';
import { askForSubscriptions } from '@/lib/subscribe-messages';
import { useSubmit } from '@/lib/use-submit';
import { createPromotionRequest } from '../api/create-promotion-request';
import { updatePromotionRequest } from '../api/update-promotion-request';
import {
  emptyPromotionDraft,
  type PromotionDraft,
  promotionDraftProblem,
  promotionInputFrom,
} from '../promotion-draft';
import { slotLabel } from '../slot-label';
import '../promotions.scss';

function draftFrom(request: PromotionRequestView | null): PromotionDraft {
  if (!request) return emptyPromotionDraft;
  return {
    title: request.title,
    content: request.content,
    link: request.link ?? '',
    category: request.category as PromotionDraft['category'],
  };
}

/** The 推广申请 form for the chosen slot; with `editing`, it edits that pending request instead. */
export function PromotionRequestForm({
  communityId,
  slot,
  editing,
  onSaved,
}: {
  communityId: string;
  slot: PromotionSlotView;
  editing: PromotionRequestView | null;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(() => draftFrom(editing));
  // undefined: the picture stays as it is; null: removed; an upload: the new picture.
  const [image, setImage] = useState<{ id: string; url: string } | null | undefined>(undefined);
  const imageUrl = image === undefined ? (editing?.imageUrl ?? null) : (image?.url ?? null);
  const { busy: saving, run } = useSubmit();
  const problem = promotionDraftProblem(draft);
  const touched = useTouched([draft]);

  function submit() {
    if (problem) return;
    // Straight from the tap (WeChat asks only then), never awaited: the result notice (通过 / 未通过)
    // goes out as a subscribe message only with this consent. An edit keeps the request's earlier one.
    if (!editing) askForSubscriptions(['promotionResult']);
    run(async () => {
      const input = promotionInputFrom(slot.id, draft);
      if (editing) {
        const imageChange = image === undefined ? {} : { imageUploadId: image?.id ?? null };
        await updatePromotionRequest(editing.id, { ...input, link: input.link ?? null, ...imageChange });
      } else {
        await createPromotionRequest(communityId, image ? { ...input, imageUploadId: image.id } : input);
      }
      Taro.showToast({ title: editing ? '已保存' : '已提交，等待审核', icon: 'success' });
      onSaved();
    });
  }

  return (
    <View className="card form promotion-request-form">
      <Text className="promotion-request-form__title">推广申请 · {slotLabel(slot)}</Text>
      <TextField
        className="field--title"
        label="标题"
        value={draft.title}
        max={promotionLimits.titleMax}
        onChange={(title) => setDraft({ ...draft, title })}
      />
      <TextField
        className="field--content"
        label="内容"
        multiline
        value={draft.content}
        max={promotionLimits.contentMax}
        placeholder="介绍你的作品、课程或活动；不放二维码，不拉人进群，不留微信号"
        onChange={(content) => setDraft({ ...draft, content })}
      />
      <TextField
        className="field--link"
        label="链接（选填）"
        value={draft.link}
        placeholder="https://"
        onChange={(link) => setDraft({ ...draft, link })}
      />
      <ImagePicker use="promotion" name="promotion-image" url={imageUrl} onChange={setImage} />
      <ChoiceCell
        label="类别"
        className="promotion-category"
        options={promotionCategories.map((category) => [category, category] as const)}
        value={draft.category}
        onChange={(category) => setDraft({ ...draft, category })}
      />
      <FormReason problem={problem} touched={touched} needs="写好标题和内容，就可以提交申请了" />
      <ActionButton
        variant="primary"
        className="promotion-submit"
        disabled={!!problem || saving}
        loading={saving}
        onClick={submit}
      >
        {editing ? '保存修改' : '提交申请'}
      </ActionButton>
    </View>
  );
}
