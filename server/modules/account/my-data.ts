import { chinaDateTimeCell, type Sheet, type SheetCell } from '../../../src/domain/exports';
import { reportTargetLabels } from '../../../src/domain/moderation';
import { promotionStatusLabels } from '../../../src/domain/promotion-labels';
import { roleLabels } from '../../../src/domain/roles';
import type { SignupStatus } from '../../../src/domain/sessions';
import { tipStatusLabels } from '../../../src/domain/tip-labels';
import { uploadUrl } from '../../../src/domain/uploads';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { writeWorkbook } from '../exports/spreadsheet';
import {
  findAccount,
  listAuthoredTips,
  listConsents,
  listInbox,
  listJoinRequests,
  listMemberships,
  listProfiles,
  listPromotionRequests,
  listReactions,
  listReportsMade,
  listSignups,
  listTags,
  listUploads,
} from './my-data-repository';

const signupStatusCells: Record<SignupStatus, string> = {
  confirmed: '已报名',
  offered: '候补转正待确认',
  waitlisted: '候补',
  cancelled: '已取消',
};

const joinRequestStatusCells = {
  pending: '待审核',
  approved: '已通过',
  declined: '未通过',
  withdrawn: '已撤回',
};
const reportStatusCells = {
  open: '待处理',
  hidden: '已隐藏',
  dismissed: '已驳回',
  author_removed: '作者已移出',
};

const time = (at: Date | null) => (at ? chinaDateTimeCell(at) : '');

function sheet(name: string, header: string[], rows: SheetCell[][]): Sheet {
  return { name, rows: [header, ...rows] };
}

/**
 * 下载我的数据: everything the product holds about the caller, across every community, one sheet per
 * kind (an empty kind keeps its header, so the member sees it was looked at). Only the caller's own.
 */
export async function myDataSheets(db: Database, user: UserRow): Promise<Sheet[]> {
  const account = await findAccount(db, user.id);
  const reactions = await listReactions(db, user.id);
  const reactionRows = (label: string, rows: typeof reactions.saves) =>
    rows.map((row) => [label, row.community, row.tip, row.note ?? '', time(row.at)]);
  return [
    sheet(
      '账号',
      ['昵称', '微信 openid', '微信 unionid', '微信头像', '注册时间'],
      [
        [
          account.nickname,
          account.openid,
          account.unionid ?? '',
          account.avatarUrl ?? '',
          time(account.createdAt),
        ],
      ],
    ),
    sheet(
      '社群与角色',
      ['社群', '角色', '入群时间', '确认群规时间', '邀请人'],
      (await listMemberships(db, user.id)).map((row) => [
        row.community,
        roleLabels[row.role],
        time(row.joinedAt),
        time(row.rulesConfirmedAt),
        row.invitedBy ?? '',
      ]),
    ),
    sheet(
      '群内资料',
      ['社群', '群内昵称', '头像', '简介', '不出现在和我相似的人', '更新时间'],
      (await listProfiles(db, user.id)).map((row) => [
        row.community,
        row.nickname ?? '',
        row.avatarUploadId ? uploadUrl(row.avatarUploadId) : '',
        row.bio,
        row.hiddenFromSimilar ? '是' : '否',
        time(row.updatedAt),
      ]),
    ),
    sheet(
      '标签',
      ['社群', '标签', '添加时间'],
      (await listTags(db, user.id)).map((row) => [row.community, row.tag, time(row.createdAt)]),
    ),
    sheet(
      '报名与签到',
      [
        '社群',
        '活动',
        '开始时间',
        '报名状态',
        '同行人数',
        '签到时间',
        '评分',
        '评价',
        '报名时间',
        '取消时间',
      ],
      (await listSignups(db, user.id)).map((row) => [
        row.community,
        row.session,
        time(row.startsAt),
        signupStatusCells[row.status],
        row.guests,
        time(row.checkedInAt),
        row.feedbackRating ?? '',
        row.feedbackComment ?? '',
        time(row.signedUpAt),
        time(row.cancelledAt),
      ]),
    ),
    sheet(
      '技巧与投稿',
      ['社群', '标题', '状态', '正文', '步骤', '标签', '创建时间', '发布时间'],
      (await listAuthoredTips(db, user.id)).map((row) => [
        row.community,
        row.title,
        tipStatusLabels[row.status],
        row.body,
        row.steps.join('\n'),
        row.tags.join('、'),
        time(row.createdAt),
        time(row.publishedAt),
      ]),
    ),
    sheet(
      '收藏点赞与试过',
      ['类型', '社群', '技巧', '试过的心得', '时间'],
      [
        ...reactionRows('收藏', reactions.saves),
        ...reactionRows('点赞', reactions.likes),
        ...reactionRows('试过', reactions.tries),
        ...reactionRows('想听这个', reactions.wants),
      ],
    ),
    sheet(
      '推广申请',
      ['社群', '标题', '内容', '链接', '类别', '状态', '未通过原因', '申请时间'],
      (await listPromotionRequests(db, user.id)).map((row) => [
        row.community,
        row.title,
        row.content,
        row.link ?? '',
        row.category,
        promotionStatusLabels[row.status],
        row.rejectReason ?? '',
        time(row.createdAt),
      ]),
    ),
    sheet(
      '我的举报',
      ['社群', '举报的内容', '理由', '处理结果', '举报时间'],
      (await listReportsMade(db, user.id)).map((row) => [
        row.community,
        reportTargetLabels[row.targetKind],
        row.reason,
        reportStatusCells[row.status],
        time(row.createdAt),
      ]),
    ),
    sheet(
      '入群申请',
      ['社群', '留言', '状态', '原因', '申请时间'],
      (await listJoinRequests(db, user.id)).map((row) => [
        row.community,
        row.note,
        joinRequestStatusCells[row.status],
        row.reason,
        time(row.createdAt),
      ]),
    ),
    sheet(
      '订阅消息授权',
      ['消息模板', '剩余次数', '更新时间'],
      (await listConsents(db, user.id)).map((row) => [row.templateKey, row.remaining, time(row.updatedAt)]),
    ),
    sheet(
      '消息',
      ['社群', '标题', '内容', '时间', '已读时间'],
      (await listInbox(db, user.id)).map((row) => [
        row.community,
        row.title,
        row.body,
        time(row.createdAt),
        time(row.readAt),
      ]),
    ),
    sheet(
      '上传的图片',
      ['地址', '格式', '大小（字节）', '上传时间'],
      (await listUploads(db, user.id)).map((row) => [
        uploadUrl(row.id),
        row.contentType,
        row.byteSize,
        time(row.createdAt),
      ]),
    ),
  ];
}

export async function myDataFile(db: Database, user: UserRow): Promise<Buffer> {
  return writeWorkbook(await myDataSheets(db, user));
}
