import { type Static, Type } from '@sinclair/typebox';
import { accountClosureConfirmation } from '../account';

/**
 * 注销账号 and 下载我的数据, the caller's own account only:
 * - `POST /api/me/close-account { confirm: '注销账号' }` → 204. While the caller owns communities:
 *   409 `OWNER_CANNOT_CLOSE_ACCOUNT`, its message naming them and `fields` mapping each community's
 *   id to its name (the page offers 转让群主 for each). Afterwards every token of theirs answers 401.
 * - `GET /api/me/data` → the file itself (.xlsx, one sheet per kind of data; `SpreadsheetFile` of
 *   `exports.ts`), a GET because WeChat's downloadFile can only GET.
 */

export const CloseAccountInput = Type.Object(
  { confirm: Type.Literal(accountClosureConfirmation) },
  { additionalProperties: false },
);
export type CloseAccountInput = Static<typeof CloseAccountInput>;
