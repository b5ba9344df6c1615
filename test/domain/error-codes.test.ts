import { codeForStatus } from '../../src/domain/error-codes';

describe('the code of an error answer that names none', () => {
  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [400, 'VALIDATION_FAILED'],
    [422, 'VALIDATION_FAILED'],
    [503, 'SERVICE_UNAVAILABLE'],
    [502, 'INTERNAL_ERROR'],
  ])('%i is %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});
