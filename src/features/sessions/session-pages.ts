import { linkedPages } from '@/domain/page-paths';

export { sessionPath } from '@/domain/page-paths';

/** Page paths of the sessions feature. */
export const sessionPages = {
  list: linkedPages.sessions,
  detail: linkedPages.session,
  editor: '/owner/session-editor/index',
  attendance: '/owner/attendance/index',
} as const;

export const sessionEditorPath = (sessionId?: string) =>
  sessionId ? `${sessionPages.editor}?id=${encodeURIComponent(sessionId)}` : sessionPages.editor;
export const attendancePath = (sessionId: string) =>
  `${sessionPages.attendance}?id=${encodeURIComponent(sessionId)}`;
