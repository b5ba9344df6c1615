import Taro from '@tarojs/taro';
import { apiUrl } from '@/lib/api-address';
import { ApiError, apiErrorFromResponse } from '@/lib/api-error';
import { useLoginSession } from '@/lib/login-session';

function authorization(): Record<string, string> {
  const token = useLoginSession.getState().token;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** In the browser: the file through fetch (it needs the token), saved by a link with `download`. */
async function downloadInBrowser(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { headers: authorization() });
  } catch {
    throw new ApiError('NETWORK_ERROR', { status: 0 });
  }
  if (!response.ok) throw apiErrorFromResponse(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** In WeChat: downloadFile (with the token), then openDocument, which opens xlsx (not csv) and can forward it. */
async function openInWechat(path: string): Promise<void> {
  let download: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    download = await Taro.downloadFile({ url: apiUrl(path), header: authorization() });
  } catch {
    throw new ApiError('NETWORK_ERROR', { status: 0 });
  }
  // A refusal's JSON body went into the temp file: its status says enough.
  if (download.statusCode !== 200) throw apiErrorFromResponse(download.statusCode, null);
  await Taro.openDocument({ filePath: download.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** Fetches one of the team's spreadsheets (`GET .../export`) and hands it to the member. */
export function openSpreadsheet(path: string, fileName: string): Promise<void> {
  return process.env.TARO_ENV === 'h5' ? downloadInBrowser(path, fileName) : openInWechat(path);
}

export const sessionExportPath = (sessionId: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/export`;
export const membersExportPath = (communityId: string) =>
  `/api/communities/${encodeURIComponent(communityId)}/members/export`;
