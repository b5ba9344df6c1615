/**
 * The team's spreadsheets: a session's sign-ups and attendance, and the member list with tags. The
 * server writes them as .xlsx (WeChat's openDocument opens xlsx, not csv); these rules decide their
 * columns and words, so the file, the export log and the tests agree.
 */
import { type Role, roleLabels } from './roles';

export const exportKinds = ['session_signups', 'members'] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportKindLabels: Record<ExportKind, string> = {
  session_signups: '活动报名与签到',
  members: '成员名单',
};

export const exportLimits = { historyPageSize: 20 } as const;

const chinaOffset = 8 * 3_600_000;

/** `2026-11-26 08:00`, China time: a text cell reads the same in Excel and WPS whatever their time zone. */
export function chinaDateTimeCell(at: Date): string {
  const china = new Date(at.getTime() + chinaOffset).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

export type SheetCell = string | number;
export interface Sheet {
  /** The tab's name (Excel allows 31 characters, without \ / ? * [ ] :). */
  name: string;
  rows: SheetCell[][];
}

export function sheetName(text: string): string {
  const cleaned = Array.from(text.replace(/[\\/?*[\]:]/g, ' ').trim())
    .slice(0, 31)
    .join('');
  return cleaned || '工作表';
}

/** A download's file name: the subject and what it is, without characters a file system refuses. */
export function exportFileName(kind: ExportKind, subject: string): string {
  const safe = Array.from(subject.replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ').trim())
    .slice(0, 40)
    .join('');
  return `${safe || '群友圈'}-${exportKindLabels[kind]}.xlsx`;
}

export interface SignupRowInput {
  nickname: string;
  status: 'confirmed' | 'offered' | 'waitlisted';
  guests: number;
  /** 1 for the head of the waitlist; null unless waitlisted. */
  position: number | null;
  signedUpAt: Date;
  checkedInAt: Date | null;
}

const signupStatusCells: Record<SignupRowInput['status'], string> = {
  confirmed: '已报名',
  offered: '候补转正待确认',
  waitlisted: '候补',
};

export const signupSheetHeader = ['序号', '昵称', '报名状态', '同行人数', '签到', '签到时间', '报名时间'];

/** 到场 / 缺席 once the session started (waitlisted parties had no seat); blank before. */
function attendanceCell(row: SignupRowInput, started: boolean): string {
  if (row.checkedInAt) return '到场';
  if (!started || row.status === 'waitlisted') return '';
  return '缺席';
}

export function signupSheet(sessionTitle: string, rows: SignupRowInput[], started: boolean): Sheet {
  return {
    name: sheetName(sessionTitle),
    rows: [
      signupSheetHeader,
      ...rows.map((row, index) => [
        index + 1,
        row.nickname,
        row.position === null ? signupStatusCells[row.status] : `候补第 ${row.position} 位`,
        row.guests,
        attendanceCell(row, started),
        row.checkedInAt ? chinaDateTimeCell(row.checkedInAt) : '',
        chinaDateTimeCell(row.signedUpAt),
      ]),
    ],
  };
}

export interface MemberRowInput {
  nickname: string;
  role: Role;
  tags: string[];
  joinedAt: Date;
  invitedBy: string | null;
}

export const memberSheetHeader = ['序号', '昵称', '角色', '标签', '入群时间', '邀请人'];

export function memberSheet(communityName: string, rows: MemberRowInput[]): Sheet {
  return {
    name: sheetName(communityName),
    rows: [
      memberSheetHeader,
      ...rows.map((row, index) => [
        index + 1,
        row.nickname,
        roleLabels[row.role],
        row.tags.join('、'),
        chinaDateTimeCell(row.joinedAt),
        row.invitedBy ?? '',
      ]),
    ],
  };
}
