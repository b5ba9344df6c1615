import { textLength } from '@/domain/community-rules';
import type { PromotionRequestInput } from '@/domain/contract/promotions';
import {
  isAllowedPromotionLink,
  type PromotionCategory,
  promotionContentProblem,
  promotionLimits,
} from '@/domain/promotions';
import { formTextProblem } from '@/domain/text';

export interface PromotionDraft {
  title: string;
  content: string;
  link: string;
  category: PromotionCategory;
}

export const emptyPromotionDraft: PromotionDraft = { title: '', content: '', link: '', category: '文章' };

/** The first thing the form must fix before submitting, in the words the server would use. */
export function promotionDraftProblem(draft: PromotionDraft): string | null {
  const title = draft.title.trim();
  const content = draft.content.trim();
  if (!title) return '请填写标题';
  if (textLength(title) > promotionLimits.titleMax) return `标题最多 ${promotionLimits.titleMax} 个字`;
  if (!content) return '请填写推广内容';
  if (textLength(content) > promotionLimits.contentMax) return `内容最多 ${promotionLimits.contentMax} 个字`;
  if (draft.link.trim() && !isAllowedPromotionLink(draft.link.trim())) return '链接需以 https:// 开头';
  const textProblem = formTextProblem([
    ['标题', title, 'single-line'],
    ['内容', content, 'multi-line'],
    ['链接', draft.link, 'link'],
  ]);
  if (textProblem) return textProblem;
  return promotionContentProblem(title) ?? promotionContentProblem(content);
}

export function promotionInputFrom(slotId: string, draft: PromotionDraft): PromotionRequestInput {
  const link = draft.link.trim();
  return {
    slotId,
    title: draft.title.trim(),
    content: draft.content.trim(),
    category: draft.category,
    ...(link ? { link } : {}),
  };
}
