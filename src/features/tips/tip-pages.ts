/** Pages of the tips feature. The 技巧 tab is a tab page (switchTab); the team's tools live in the owner subpackage. */
export const tipPages = {
  feed: '/pages/tips/index',
  detail: '/member/tip/index',
  editor: '/owner/tip-editor/index',
  review: '/owner/tip-review/index',
} as const;

export function tipPath(tipId: string): string {
  return `${tipPages.detail}?id=${encodeURIComponent(tipId)}`;
}

/** The editor for a new tip, or for editing one. */
export function tipEditorPath(tipId?: string): string {
  return tipId ? `${tipPages.editor}?id=${encodeURIComponent(tipId)}` : tipPages.editor;
}
