import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import type { SessionView, SignUpResult } from '@/domain/contract/sessions';
import { canCancelSignup, isSignUpOpen, partySize, placeNewParty, sessionLimits } from '@/domain/sessions';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { askForSubscriptions } from '@/lib/subscribe-messages';
import { useSubmit } from '@/lib/use-submit';
import { addSessionToCalendar } from '../add-to-calendar';
import { cancelMySignup } from '../api/cancel-signup';
import { claimOffer } from '../api/claim-offer';
import { signUpForSession } from '../api/sign-up';
import { mySignupText } from '../session-text';

const guestChoices = Array.from({ length: sessionLimits.guestsMax + 1 }, (_, count) => count);

function resultToast(result: SignUpResult): void {
  if (result.overlapping) {
    Taro.showModal({
      title: '报名成功',
      content: `提醒：你已报名的「${result.overlapping.title}」与这个活动时间重叠。`,
      showCancel: false,
    });
    return;
  }
  const title = result.status === 'confirmed' ? '报名成功' : `已进入候补，第 ${result.position} 位`;
  Taro.showToast({ title, icon: result.status === 'confirmed' ? 'success' : 'none' });
}

/** 报名 (+guests) -> 已报名 / 候补第 N 位, with 取消报名, 添加到日历 and claiming an offered seat. */
export function SignupPanel({
  session,
  onChanged,
}: {
  session: SessionView;
  onChanged: () => Promise<void> | void;
}) {
  const [guests, setGuests] = useState(0);
  const { busy, run } = useSubmit();
  const now = new Date();
  const mine = session.mySignup;
  const status = mySignupText(session);

  function change(action: () => Promise<void>) {
    run(async () => {
      await action();
      await onChanged();
    });
  }

  function signUp() {
    // Asked straight from the tap (WeChat requires it) and never awaited: a refusal must not stop the sign-up.
    askForSubscriptions(['sessionReminder', 'waitlistPromoted', 'sessionChanged']);
    change(async () => resultToast(await signUpForSession(session.id, guests)));
  }

  async function cancel() {
    const leavingWaitlist = mine?.status === 'waitlisted';
    const answer = await Taro.showModal({
      title: leavingWaitlist ? '退出候补？' : '取消报名？',
      content: leavingWaitlist ? '退出后再报名要重新排队。' : '名额会让给候补的成员。',
    });
    if (!answer.confirm) return;
    change(async () => {
      await cancelMySignup(session.id);
      Taro.showToast({ title: leavingWaitlist ? '已退出候补' : '已取消报名', icon: 'none' });
    });
  }

  if (session.status === 'cancelled') {
    return (
      <View className="card signup-panel">
        <Text className="signup-status signup-status--cancelled">活动已取消</Text>
      </View>
    );
  }

  const canCancel = mine && canCancelSignup(now, new Date(session.startsAt));
  return (
    <View className="card signup-panel">
      {status && <Text className={`signup-status signup-status--${mine!.status}`}>{status}</Text>}
      {mine?.status === 'offered' && mine.offerExpiresAt && (
        <>
          <Text className="hint">{`请在 ${dayjs(mine.offerExpiresAt).tz(appTimeZone).format('M月D日 HH:mm')} 前确认，逾期名额会让给下一位。`}</Text>
          <ActionButton
            variant="primary"
            className="claim-offer"
            loading={busy}
            onClick={() => change(async () => resultToast(await claimOffer(session.id)))}
          >
            确认参加
          </ActionButton>
        </>
      )}
      {!mine &&
        (isSignUpOpen(now, new Date(session.signUpDeadline)) ? (
          <>
            <View className="guest-picker">
              <Text className="label">同行人数</Text>
              <View className="guest-picker__options">
                {guestChoices.map((count) => (
                  <Text
                    key={count}
                    className={`guest-option ${guests === count ? 'is-selected' : ''}`}
                    onClick={() => setGuests(count)}
                  >
                    {count === 0 ? '只有我' : `+${count}`}
                  </Text>
                ))}
              </View>
            </View>
            <ActionButton
              variant="primary"
              className="signup-button"
              loading={busy}
              disabled={busy}
              onClick={signUp}
            >
              {placeNewParty(session.capacity, session.confirmedCount, partySize(guests)) === 'confirmed'
                ? '报名'
                : '报名候补'}
            </ActionButton>
          </>
        ) : (
          <Text className="hint signup-closed">报名已截止</Text>
        ))}
      {mine?.status === 'confirmed' && (
        <ActionButton className="add-to-calendar" onClick={() => addSessionToCalendar(session)}>
          添加到日历
        </ActionButton>
      )}
      {canCancel && (
        <ActionButton variant="warn" className="cancel-signup" disabled={busy} onClick={cancel}>
          {mine.status === 'waitlisted' ? '退出候补' : '取消报名'}
        </ActionButton>
      )}
    </View>
  );
}
