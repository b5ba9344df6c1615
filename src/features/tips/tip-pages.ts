import { linkedPages } from '@/domain/page-paths';

export { tipPath } from '@/domain/page-paths';

/** Pages of the tips feature. The 技巧 tab is a tab page (switchTab); the team's tools live in the owner subpackage. */
export const tipPages = {
  feed: linkedPages.tips,
  detail: linkedPages.tip,
  editor: '/owner/tip-editor/index',
  review: '/owner/tip-review/index',
} as const;

/** The editor for a new tip, or for editing one. */
export function tipEditorPath(tipId?: string): string {
  return tipId ? `${tipPages.editor}?id=${encodeURIComponent(tipId)}` : tipPages.editor;
}
