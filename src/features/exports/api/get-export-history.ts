import type { Page } from '@/domain/contract/common';
import type { ExportRecordView } from '@/domain/contract/exports';
import { api } from '@/lib/request';
import { useCursorPages } from '@/lib/use-cursor-pages';

export function getExportHistory(
  communityId: string,
  cursor: string | null,
): Promise<Page<ExportRecordView>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/exports${query}`);
}

/** `version` starts the list over, e.g. after an export. */
export function useExportHistory(communityId: string | null, version: number) {
  return useCursorPages(
    communityId ? `${communityId}|${version}` : null,
    (after) => getExportHistory(communityId!, after),
    (record) => record.id,
  );
}
