/**
 * The one list of machine error codes. The server answers `{ code, message }` with the
 * message from here; the mini program shows the same Chinese text for a code it knows.
 */
export const errorMessages = {
  VALIDATION_FAILED: '输入内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  NOT_A_MEMBER: '你还不是该社群的成员',
  ALREADY_MEMBER: '你已经是该社群的成员',
  INVITE_CODE_INVALID: '邀请码无效，请向群主确认',
  COMMUNITY_FULL: '社群人数已满，暂时无法加入',
  CAPACITY_BELOW_MEMBERS: '人数上限不能低于当前成员数',
  OWNER_CANNOT_LEAVE: '群主不能直接退出，请先转让群主',
  OWNER_ROLE_REQUIRED: '只有群主可以进行此操作',
  CANNOT_CHANGE_OWN_ROLE: '不能修改自己的角色',
  MEMBER_NOT_FOUND: '该用户不是社群成员',
  WECHAT_LOGIN_FAILED: '微信登录失败，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  DEV_LOGIN_DISABLED: '开发登录未开启',
  CONTENT_REJECTED: '内容包含不当信息，请修改后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太多，请精简后再试',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  NETWORK_ERROR: '网络连接失败，请检查网络',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Which fields failed and why, for forms; present on VALIDATION_FAILED and CONTENT_REJECTED. */
  fields?: Record<string, string>;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorMessages, value);
}

export function messageFor(code: ErrorCode): string {
  return errorMessages[code];
}
