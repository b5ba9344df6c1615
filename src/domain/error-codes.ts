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
  OWNER_CANNOT_CLOSE_ACCOUNT: '你还是社群的群主，请先转让群主再注销账号',
  OWNER_ROLE_REQUIRED: '只有群主可以进行此操作',
  CANNOT_CHANGE_OWN_ROLE: '不能修改自己的角色',
  MEMBER_NOT_FOUND: '该用户不是社群成员',
  CANNOT_REMOVE_SELF: '不能移出自己，如需离开请使用退出社群',
  CANNOT_REMOVE_ROLE: '只能移出角色比你低的成员',
  BLOCKED_FROM_COMMUNITY: '你已被移出该社群，不能再次加入',
  BLOCK_NOT_FOUND: '这位用户没有被禁止加入',
  CANNOT_REPORT_OWN: '不能举报自己的内容',
  REPORT_EXISTS: '你已经举报过这条内容，群主和管理员会尽快处理',
  REPORT_DECIDED: '这条举报已经处理过了',
  WECHAT_LOGIN_FAILED: '微信登录失败，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  DEV_LOGIN_DISABLED: '开发登录未开启',
  CONTENT_REJECTED: '内容包含不当信息，请修改后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太多，请精简后再试',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  WRITE_CONFLICT: '刚才有人同时做了同样的修改，请刷新后再试',
  NETWORK_ERROR: '网络连接失败，请检查网络',
  IMAGE_TOO_LARGE: '图片不能超过 2 MB，请换一张小一点的',
  IMAGE_TYPE_UNSUPPORTED: '只支持 JPG、PNG、WebP 格式的图片',
  UPLOAD_NOT_FOUND: '图片不存在，请重新上传',
  IMAGE_REJECTED: '这张图片未通过微信内容安全检测，请换一张',
  WECHAT_PUSH_SIGNATURE_INVALID: '微信消息推送的签名不对',
  TOO_MANY_TAGS: '每人最多 8 个标签，请先删掉一个',
  TAG_INVALID: '标签格式不正确',
  SUGGESTED_TAG_EXISTS: '这个推荐标签已经存在',
  SESSION_CANCELLED: '该活动已取消',
  SIGNUP_CLOSED: '报名已截止',
  SESSION_STARTED: '活动已开始，不能取消报名',
  ALREADY_CHECKED_IN: '你已签到，不能再取消报名',
  SIGNUP_NOT_FOUND: '你还没有报名这个活动',
  NOT_WAITLISTED: '你已不在候补名单上',
  NO_OFFER_TO_CLAIM: '没有待确认的名额，可能已过期',
  CAPACITY_BELOW_CONFIRMED: '名额不能少于已报名的人数',
  HOST_NOT_MEMBER: '主持人必须是社群成员',
  DEADLINE_AFTER_START: '报名截止时间不能晚于活动开始时间',
  LOCATION_REQUIRED: '线上活动请填写会议链接，线下活动请填写地址',
  NOT_IN_SERIES: '这场活动不是重复活动的一次',
  CHECK_IN_NOT_OPEN: '现在不在签到时间内',
  CHECK_IN_CODE_WRONG: '签到码不正确',
  CHECK_IN_TOO_MANY_TRIES: '签到码输错太多次，请找主持人签到',
  CHECK_IN_QR_INVALID: '无法识别这个二维码，请扫主持人手机上的签到码',
  CHECK_IN_QR_EXPIRED: '签到码已更新，请重新扫主持人手机上的签到码',
  CHECK_IN_QR_OTHER_SESSION: '这是另一场活动的签到码',
  CHECK_IN_PASS_INVALID: '无法识别这个二维码，请让成员打开「我的签到码」',
  CHECK_IN_PASS_EXPIRED: '这个签到码已失效，请让成员重新打开「我的签到码」',
  CHECK_IN_PASS_OTHER_SESSION: '这是另一场活动的成员签到码',
  GUESTS_ABOVE_BOOKED: '到场的朋友不能多于报名时填的人数',
  NOT_ATTENDEE: '只有报名成功的成员可以签到和评价',
  ATTENDEE_NOT_FOUND: '这位成员没有报名成功',
  FEEDBACK_TOO_EARLY: '活动开始后才能评价',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
  INVALID_CURSOR: '列表已过期，请下拉刷新',
  TIP_NOT_PUBLISHED: '这条技巧还没有发布',
  TIP_STATE_CONFLICT: '这条技巧当前的状态不能这样操作，请刷新后再试',
  TIP_CHANGED: '这条技巧刚刚被修改过，请查看最新内容后再决定',
  PUBLISH_AT_IN_PAST: '定时发布的时间需要晚于现在',
  SLOT_FULL: '这个推广时段已满，请选择其他时段',
  SLOT_CLOSED: '这个推广时段已关闭',
  SLOT_NOT_OPEN: '这个推广时段不在可申请的时间范围内',
  SLOT_EXISTS: '这个时间已经有推广时段了',
  SCHEDULE_OVERLAP: '同一天的推广时段不能重叠',
  PROMOTION_NOT_ELIGIBLE: '暂时还不能申请推广',
  PROMOTION_PENDING_EXISTS: '你已有一条待审核的推广申请',
  PROMOTION_NOT_PENDING: '这条推广申请已处理，不能再修改',
  PROMOTION_CHANGED: '作者刚刚修改了这条推广申请，请查看最新内容后再审核',
  JOIN_REQUEST_PENDING: '你的入群申请正在审核中，请耐心等待',
  JOIN_REQUEST_DECIDED: '这条入群申请已经处理过了',
  GROUP_TICKET_INVALID: '无法确认你所在的微信群，请从群聊里重新打开',
  GROUP_NOT_BOUND: '这个微信群还没有绑定社群，请向群主索取邀请码',
  GROUP_BOUND_ELSEWHERE: '这个微信群已经绑定了另一个社群',
  WEEKLY_DIGEST_EMPTY: '这一周还没有可以汇总的内容',
  WEEKLY_DIGEST_CLOSED: '这一周的群周报已经不能再修改或分享了',
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

/**
 * The code for an error answer that carries none of its own: the server's framework refusals (bad
 * JSON, wrong content type...) and, on the client, a body that is not ours (a proxy's 502 page).
 */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL_ERROR';
}
