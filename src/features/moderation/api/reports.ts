import type {
  CreateReportInput,
  DecideReportInput,
  MyReportView,
  ReportView,
} from '@/domain/contract/moderation';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

/** 举报 a tip, a note or a promotion to the team. */
export function reportContent(communityId: string, input: CreateReportInput): Promise<MyReportView> {
  return api.post<MyReportView>(`/api/communities/${encodeURIComponent(communityId)}/reports`, input);
}

export function getReports(communityId: string): Promise<ReportView[]> {
  return api.get<ReportView[]>(`/api/communities/${encodeURIComponent(communityId)}/reports`);
}

/** The team's queue of open reports. */
export function useReports(communityId: string | null) {
  return useQuery(communityId ? `reports:${communityId}` : null, () => getReports(communityId!));
}

export function decideReport(reportId: string, input: DecideReportInput): Promise<void> {
  return api.post<void>(`/api/reports/${encodeURIComponent(reportId)}/decision`, input);
}
