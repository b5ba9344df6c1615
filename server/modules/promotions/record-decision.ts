import { pagePaths } from '../../../src/domain/page-paths';
import type { Database } from '../../db/database';
import { enqueueNotice } from '../notifications';
import { insertDecision, type PromotionRequestRow, updateRequest } from './request-repository';

/**
 * One decision, in the caller's transaction: the request's status, the log row (who, when, why)
 * and the member's notice through the one outbox, all committed together or not at all.
 */
export async function recordDecision(
  tx: Database,
  request: PromotionRequestRow,
  decision: { kind: 'approved' | 'rejected'; reason: string | null; by: string; at: Date },
): Promise<void> {
  await updateRequest(tx, request.id, {
    status: decision.kind,
    rejectReason: decision.kind === 'rejected' ? decision.reason : null,
    decidedBy: decision.by,
    decidedAt: decision.at,
  });
  await insertDecision(tx, {
    requestId: request.id,
    decision: decision.kind,
    reason: decision.reason,
    decidedBy: decision.by,
    decidedAt: decision.at,
  });
  await enqueueNotice(tx, {
    userId: request.userId,
    communityId: request.communityId,
    kind: decision.kind === 'approved' ? 'promotion_approved' : 'promotion_rejected',
    title: `${decision.kind === 'approved' ? '推广已通过' : '推广未通过'}：${request.title}`,
    body:
      decision.kind === 'approved'
        ? '你的推广申请已通过，到时段时记得在群里分享。'
        : `原因：${decision.reason ?? ''}`,
    link: pagePaths.promotions,
    // Sent through WeChat only while the member has a consent left, given when they tapped 提交申请.
    template: {
      key: 'promotionResult',
      data: {
        thing1: request.title,
        phrase2: decision.kind === 'approved' ? '已通过' : '未通过',
        thing3: decision.kind === 'approved' ? '到时段时记得在群里分享' : (decision.reason ?? '未通过'),
      },
    },
    dedupeKey: `promotion:${request.id}:decision`,
  });
}
