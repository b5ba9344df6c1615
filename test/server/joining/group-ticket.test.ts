import { decryptWechatData, openGroupId } from '../../../server/modules/wechat/group-ticket';
import { encryptGroupTicket, randomSessionKey } from '../../support/group-ticket';

const appid = 'wx-test-appid';

/** The sample of WeChat's own documentation for encrypted open data (a user profile). */
const wechatSample = {
  appid: 'wx4f4bc4dec97d474b',
  sessionKey: 'tiihtNczf5v6AKRyjwEUhQ==',
  iv: 'r7BXXKkLb8qrSNn05n0qiA==',
  encryptedData:
    'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+' +
    '3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6' +
    '/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs' +
    '8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns' +
    '/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG' +
    '20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==',
};

describe('decrypting WeChat open data', () => {
  it("reads WeChat's documented sample, watermark included", () => {
    const data = decryptWechatData(wechatSample.sessionKey, wechatSample, wechatSample.appid);
    expect(data).toMatchObject({
      openId: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE',
      nickName: 'Band',
      watermark: { appid: wechatSample.appid, timestamp: 1477314187 },
    });
  });

  it('refuses the same data when the watermark names another mini program', () => {
    expect(decryptWechatData(wechatSample.sessionKey, wechatSample, appid)).toBeNull();
  });
});

describe('openGroupId', () => {
  const sessionKey = randomSessionKey();

  it('returns the opengid of a ticket encrypted with the session key', () => {
    const ticket = encryptGroupTicket(sessionKey, { opengid: 'tGqZ3s5uQ9-group', appid });
    expect(openGroupId(sessionKey, ticket, appid)).toBe('tGqZ3s5uQ9-group');
  });

  it.each([
    [
      'another session key (the user logged in again since)',
      () => openGroupId(randomSessionKey(), encryptGroupTicket(sessionKey, { opengid: 'g', appid }), appid),
    ],
    [
      'no session key (a dev-login user)',
      () => openGroupId(null, encryptGroupTicket(sessionKey, { opengid: 'g', appid }), appid),
    ],
    [
      'another appid in the watermark',
      () =>
        openGroupId(sessionKey, encryptGroupTicket(sessionKey, { opengid: 'g', appid: 'wx-other' }), appid),
    ],
    ['no opengid inside', () => openGroupId(sessionKey, encryptGroupTicket(sessionKey, { appid }), appid)],
    [
      'an iv of the wrong length',
      () =>
        openGroupId(
          sessionKey,
          { ...encryptGroupTicket(sessionKey, { opengid: 'g', appid }), iv: 'c2hvcnQ=' },
          appid,
        ),
    ],
    [
      'data cut short',
      () => {
        const ticket = encryptGroupTicket(sessionKey, { opengid: 'g', appid });
        return openGroupId(
          sessionKey,
          { ...ticket, encryptedData: ticket.encryptedData.slice(0, 20) },
          appid,
        );
      },
    ],
    [
      'no appid configured',
      () => openGroupId(sessionKey, encryptGroupTicket(sessionKey, { opengid: 'g', appid }), undefined),
    ],
  ])('refuses %s with GROUP_TICKET_INVALID', (_case, open) => {
    expect(open).toThrow(expect.objectContaining({ code: 'GROUP_TICKET_INVALID', statusCode: 400 }));
  });
});
