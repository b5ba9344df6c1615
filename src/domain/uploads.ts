/** Image uploads (avatars, tip and promotion images): both sides check, the server decides by the file's bytes. */
export const uploadLimits = {
  maxBytes: 2 * 1024 * 1024,
  contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

export type ImageContentType = (typeof uploadLimits.contentTypes)[number];

export function uploadUrl(uploadId: string): string {
  return `/api/uploads/${uploadId}`;
}

/**
 * WeChat's picture check: `pending` until WeChat answers (only the uploader sees the picture),
 * `pass` shown to everyone, `risky` taken down everywhere.
 */
export const pictureCheckStatuses = ['pending', 'pass', 'risky'] as const;
export type PictureCheckStatus = (typeof pictureCheckStatuses)[number];

/** What a picture is for: it picks the scene of WeChat's check (an avatar is 资料, the rest is 论坛). */
export const pictureUses = ['avatar', 'tip', 'promotion'] as const;
export type PictureUse = (typeof pictureUses)[number];
