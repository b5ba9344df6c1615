/** Image uploads (avatars, tip and promotion images): both sides check, the server decides by the file's bytes. */
export const uploadLimits = {
  maxBytes: 2 * 1024 * 1024,
  contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

export type ImageContentType = (typeof uploadLimits.contentTypes)[number];

export function uploadUrl(uploadId: string): string {
  return `/api/uploads/${uploadId}`;
}
