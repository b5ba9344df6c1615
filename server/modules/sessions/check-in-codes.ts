import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  checkInScan,
  checkInStep,
  hostCodeBody,
  isStepAccepted,
  parseScannedCode,
  passBody,
  type ScannedCode,
  stepStartsAt,
} from '../../../src/domain/check-in-scan';
import { AppError } from '../../app-error';

/**
 * Signs and checks the codes scanned at check-in (`src/domain/check-in-scan.ts`). The signature is
 * an HMAC-SHA256 with the configured secret, cut to 128 bits (22 characters): the codes must stay
 * small enough for a QR code read from a phone screen. No state: any instance checks any code.
 */
function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest().subarray(0, 16).toString('base64url');
}

function isGenuine(secret: string, code: ScannedCode): boolean {
  const expected = Buffer.from(sign(secret, code.signed));
  const given = Buffer.from(code.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface HostCode {
  token: string;
  validFrom: Date;
  validUntil: Date;
}

/** The host's codes from the current step on, none past the close of the check-in window. */
export function hostCodes(secret: string, sessionId: string, now: Date, closesAt: Date): HostCode[] {
  const codes: HostCode[] = [];
  const first = checkInStep(now);
  for (let step = first; step < first + checkInScan.stepsHandedOut; step++) {
    const validFrom = stepStartsAt(step);
    if (validFrom.getTime() >= closesAt.getTime()) break;
    const body = hostCodeBody(sessionId, step);
    codes.push({ token: `${body}.${sign(secret, body)}`, validFrom, validUntil: stepStartsAt(step + 1) });
  }
  return codes;
}

/** A member's own pass for one session, good until the close of its check-in window. */
export function memberPass(secret: string, sessionId: string, userId: string, closesAt: Date): string {
  const body = passBody(sessionId, userId, closesAt);
  return `${body}.${sign(secret, body)}`;
}

/** A member scanned the host's code: genuine, for this session, of this step or the one before. */
export function requireHostCode(secret: string, token: string, sessionId: string, now: Date): void {
  const code = parseScannedCode(token);
  if (code?.kind !== 'host' || !isGenuine(secret, code)) throw new AppError('CHECK_IN_QR_INVALID', 400);
  if (code.sessionId !== sessionId) throw new AppError('CHECK_IN_QR_OTHER_SESSION', 409);
  if (!isStepAccepted(code.step, now)) throw new AppError('CHECK_IN_QR_EXPIRED', 409);
}

/**
 * The host scanned a member's pass: genuine, for this session, and made for the session's current
 * check-in window (a pass made before the session was moved is refused). Answers whose pass it is.
 */
export function memberOfPass(
  secret: string,
  token: string,
  sessionId: string,
  now: Date,
  closesAt: Date,
): string {
  const code = parseScannedCode(token);
  if (code?.kind !== 'pass' || !isGenuine(secret, code)) throw new AppError('CHECK_IN_PASS_INVALID', 400);
  if (code.sessionId !== sessionId) throw new AppError('CHECK_IN_PASS_OTHER_SESSION', 409);
  const validUntil = code.validUntil * 1000;
  if (validUntil !== Math.floor(closesAt.getTime() / 1000) * 1000 || now.getTime() >= validUntil) {
    throw new AppError('CHECK_IN_PASS_EXPIRED', 409);
  }
  return code.userId;
}
