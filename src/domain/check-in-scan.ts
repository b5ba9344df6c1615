/**
 * Check-in by scanning, both ways. The host's phone shows a code that changes every step and that
 * members scan; a confirmed member shows their own pass that the host scans. Both are signed by the
 * server (the secret never leaves it); these are the shapes and the time rules both sides read.
 *
 *   host code:  QY1S.<sessionId>.<step>.<signature>            step = 30-second step since 1970
 *   pass:       QY1P.<sessionId>.<userId>.<validUntil>.<signature>  validUntil = window close, unix seconds
 */

export const checkInScan = {
  stepSeconds: 30,
  /** Codes handed to the host's phone at once (five minutes): it rotates by itself on a flaky venue network. */
  stepsHandedOut: 10,
} as const;

const hostPrefix = 'QY1S';
const passPrefix = 'QY1P';
const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const signaturePattern = '[A-Za-z0-9_-]{22}';
const hostPattern = new RegExp(`^${hostPrefix}\\.(${uuidPattern})\\.(\\d{1,12})\\.(${signaturePattern})$`);
const passPattern = new RegExp(
  `^${passPrefix}\\.(${uuidPattern})\\.(${uuidPattern})\\.(\\d{1,12})\\.(${signaturePattern})$`,
);

export type ScannedCode =
  | { kind: 'host'; sessionId: string; step: number; signed: string; signature: string }
  | {
      kind: 'pass';
      sessionId: string;
      userId: string;
      /** Unix seconds: the close of the check-in window the pass was made for. */
      validUntil: number;
      signed: string;
      signature: string;
    };

export function checkInStep(now: Date): number {
  return Math.floor(now.getTime() / (checkInScan.stepSeconds * 1000));
}

export function stepStartsAt(step: number): Date {
  return new Date(step * checkInScan.stepSeconds * 1000);
}

/** A code shown on the host's phone is good in its own step and the next: a scan at the turn still counts. */
export function isStepAccepted(step: number, now: Date): boolean {
  const current = checkInStep(now);
  return step === current || step === current - 1;
}

/** The signed part of a host code (the signature is appended after a dot). */
export function hostCodeBody(sessionId: string, step: number): string {
  return `${hostPrefix}.${sessionId}.${step}`;
}

export function passBody(sessionId: string, userId: string, validUntil: Date): string {
  return `${passPrefix}.${sessionId}.${userId}.${Math.floor(validUntil.getTime() / 1000)}`;
}

/** What a scanned text claims to be; null when it is none of ours. Only the server can tell it is genuine. */
export function parseScannedCode(text: string): ScannedCode | null {
  const host = hostPattern.exec(text);
  if (host) {
    const [, sessionId, step, signature] = host;
    return {
      kind: 'host',
      sessionId: sessionId!,
      step: Number(step),
      signed: hostCodeBody(sessionId!, Number(step)),
      signature: signature!,
    };
  }
  const pass = passPattern.exec(text);
  if (pass) {
    const [, sessionId, userId, validUntil, signature] = pass;
    return {
      kind: 'pass',
      sessionId: sessionId!,
      userId: userId!,
      validUntil: Number(validUntil),
      signed: `${passPrefix}.${sessionId}.${userId}.${validUntil}`,
      signature: signature!,
    };
  }
  return null;
}

/** The longest text either code can be: the contract's limit for a scanned token. */
export const scannedCodeMaxLength = 128;
