import { randomInt } from 'node:crypto';
import { inviteCodeAlphabet, inviteCodeLength } from '../../../src/domain/community-rules';

export function randomInviteCode(): string {
  let code = '';
  for (let i = 0; i < inviteCodeLength; i += 1)
    code += inviteCodeAlphabet[randomInt(inviteCodeAlphabet.length)];
  return code;
}
