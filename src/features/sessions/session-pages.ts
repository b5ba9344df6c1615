/** Page paths of the sessions feature. */
export const sessionPages = {
  list: '/pages/sessions/index',
  detail: '/member/session/index',
  editor: '/owner/session-editor/index',
  attendance: '/owner/attendance/index',
} as const;

export const sessionPath = (sessionId: string) =>
  `${sessionPages.detail}?id=${encodeURIComponent(sessionId)}`;
export const sessionEditorPath = (sessionId?: string) =>
  sessionId ? `${sessionPages.editor}?id=${encodeURIComponent(sessionId)}` : sessionPages.editor;
export const attendancePath = (sessionId: string) =>
  `${sessionPages.attendance}?id=${encodeURIComponent(sessionId)}`;
