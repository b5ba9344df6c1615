import { uploadUrl } from '../../../src/domain/uploads';
import type { Database } from '../../db/database';
import { findPictureChecks } from './upload-repository';

/**
 * The one rule for pictures WeChat has not approved: a pending picture is shown to its uploader
 * only (through its preview address: an `<Image>` sends no bearer token), a risky one to nobody.
 * It is applied to every answer of the API at once (`plugins/picture-visibility.ts`), so every view
 * that shows a picture (avatars in 成员 and profiles, tip and promotion images, whatever comes
 * next) leaves them out without knowing about it: the field becomes null and the client draws its
 * placeholder (the initial-letter avatar, no picture).
 */

const pictureUrlPattern = /^\/api\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Where an unchecked picture is shown to its uploader and downloaded by WeChat's checker. */
export function picturePreviewUrl(uploadId: string, previewKey: string): string {
  return `${uploadUrl(uploadId)}?key=${encodeURIComponent(previewKey)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The upload ids of every picture address anywhere in an answer's body. */
export function pictureIdsIn(body: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof body === 'string') {
    const id = pictureUrlPattern.exec(body)?.[1];
    if (id) found.add(id);
  } else if (Array.isArray(body)) {
    for (const item of body) pictureIdsIn(item, found);
  } else if (isPlainObject(body)) {
    for (const value of Object.values(body)) pictureIdsIn(value, found);
  }
  return found;
}

/** A copy of the body with these picture addresses replaced; untouched parts are shared, never changed. */
export function replacePictureUrls(body: unknown, replacements: Map<string, string | null>): unknown {
  if (typeof body === 'string') return replacements.has(body) ? replacements.get(body) : body;
  if (Array.isArray(body)) return body.map((item) => replacePictureUrls(item, replacements));
  if (isPlainObject(body)) {
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, replacePictureUrls(value, replacements)]),
    );
  }
  return body;
}

/**
 * The pictures this instance has seen WeChat pass. A check's answer is final (a picture leaves
 * `pending` once: `picture-check-answers.ts`), so a passed picture is never asked about again and an
 * answer showing only such pictures (a feed page from the cache) costs no query. Emptied when full.
 */
export class PassedPictures {
  private readonly ids = new Set<string>();

  constructor(private readonly maxIds = 100_000) {}

  has(uploadId: string): boolean {
    return this.ids.has(uploadId);
  }

  add(uploadId: string): void {
    if (this.ids.size >= this.maxIds) this.ids.clear();
    this.ids.add(uploadId);
  }
}

/** The body as this viewer may see it (`viewerId` null: not signed in). */
export async function picturesVisibleTo(
  db: Database,
  body: unknown,
  viewerId: string | null,
  passed: PassedPictures,
): Promise<unknown> {
  const ids = [...pictureIdsIn(body)].filter((id) => !passed.has(id));
  if (ids.length === 0) return body;
  const checks = await findPictureChecks(db, ids);
  for (const check of checks) if (check.checkStatus === 'pass') passed.add(check.id);
  const unchecked = checks.filter((check) => check.checkStatus !== 'pass');
  if (unchecked.length === 0) return body;
  const replacements = new Map(
    unchecked.map((upload) => [
      uploadUrl(upload.id),
      upload.checkStatus === 'pending' && upload.ownerUserId === viewerId && upload.previewKey
        ? picturePreviewUrl(upload.id, upload.previewKey)
        : null,
    ]),
  );
  return replacePictureUrls(body, replacements);
}
