import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import type { SessionView, SignUpResult } from '@/domain/contract/sessions';
import { heldBackSeatedFrom, heldBackText } from '@/domain/gentle-rule';
import {
  cancelSignupRefusal,
  isSignUpOpen,
  normaliseMinGuests,
  placeNewParty,
  sessionLimits,
  smallerSpotLabel,
} from '@/domain/sessions';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { askForSubscriptions } from '@/lib/subscribe-messages';
import { useSubmit } from '@/lib/use-submit';
import { addSessionToCalendar } from '../add-to-calendar';
import { cancelMySignup } from '../api/cancel-signup';
import { changeSmallerSpot } from '../api/change-smaller-spot';
import { claimOffer } from '../api/claim-offer';
import { signUpForSession } from '../api/sign-up';
import { mySignupText, signupStatusClass } from '../session-text';
import { SeriesSignup } from './series-signup';

const guestChoices = Array.from({ length: sessionLimits.guestsMax + 1 }, (_, count) => count);

/**
 * For a party with guests: the smaller spots it may accept ("只有 1 个名额时我一个人来"). Tapping the
 * chosen one again takes it back (whole party or nothing).
 */
function SmallerSpotChoice({
  guests,
  minGuests,
  disabled,
  onChange,
}: {
  guests: number;
  minGuests: number | null;
  disabled?: boolean;
  onChange: (minGuests: number | null) => void;
}) {
  if (guests === 0) return null;
  const minimums = Array.from({ length: guests }, (_, fewest) => fewest);
  return (
    <View className="smaller-spot">
      <Text className="label">名额不够时</Text>
      <View className="guest-picker__options">
        {minimums.map((min) => (
          <Text
            key={min}
            className={`guest-option smaller-spot__option ${minGuests === min ? 'is-selected' : ''}`}
            onClick={() => !disabled && onChange(minGuests === min ? null : min)}
          >
            {smallerSpotLabel(min)}
          </Text>
        ))}
      </View>
    </View>
  );
}

function seatedFromText(seatedFrom: Date | string): string {
  return dayjs(seatedFrom).tz(appTimeZone).format('M月D日 HH:mm');
}

function resultToast(result: SignUpResult, guestsAsked: number): void {
  if (result.heldBack) {
    Taro.showModal({
      title: `已进入候补，第 ${result.position} 位`,
      content: heldBackText(seatedFromText(result.heldBack.seatedFrom)),
      showCancel: false,
    });
    return;
  }
  if (result.overlapping) {
    Taro.showModal({
      title: '报名成功',
      content: `提醒：你已报名的「${result.overlapping.title}」与这个活动时间重叠。`,
      showCancel: false,
    });
    return;
  }
  if (result.status === 'confirmed' && result.guests < guestsAsked) {
    Taro.showToast({
      title: result.guests === 0 ? '名额只剩 1 个，你一个人来' : `名额有限，你带 ${result.guests} 位来`,
      icon: 'none',
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
  const [minGuests, setMinGuests] = useState<number | null>(null);
  const chosenMin = normaliseMinGuests(guests, minGuests);
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
    change(async () => resultToast(await signUpForSession(session.id, guests, chosenMin), guests));
  }

  function changeWhileWaiting(next: number | null) {
    change(async () => {
      const updated = await changeSmallerSpot(session.id, next);
      if (updated.status === 'waitlisted') {
        Taro.showToast({
          title: next === null ? '已改回整队候补' : '已保存，有名额时按你的选择入座',
          icon: 'none',
        });
      } else {
        Taro.showToast({ title: '有名额，已为你入座', icon: 'success' });
      }
    });
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
        <Text className={signupStatusClass('cancelled')}>活动已取消</Text>
      </View>
    );
  }

  const canCancel = mine && !cancelSignupRefusal(now, new Date(session.startsAt), mine.checkedIn);
  return (
    <View className="card signup-panel">
      {status && <Text className={signupStatusClass(mine!.status)}>{status}</Text>}
      {mine?.status === 'waitlisted' && mine.heldBack && (
        <Text className="hint held-back">
          {heldBackText(seatedFromText(heldBackSeatedFrom(new Date(session.startsAt))))}
        </Text>
      )}
      {mine?.status === 'offered' && mine.offerExpiresAt && (
        <>
          <Text className="hint">{`请在 ${dayjs(mine.offerExpiresAt).tz(appTimeZone).format('M月D日 HH:mm')} 前确认，逾期名额会让给下一位。`}</Text>
          <ActionButton
            variant="primary"
            className="claim-offer"
            loading={busy}
            onClick={() => change(async () => resultToast(await claimOffer(session.id), mine.guests))}
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
                    onClick={() => {
                      setGuests(count);
                      setMinGuests(null);
                    }}
                  >
                    {count === 0 ? '只有我' : `+${count}`}
                  </Text>
                ))}
              </View>
            </View>
            <SmallerSpotChoice guests={guests} minGuests={chosenMin} onChange={setMinGuests} />
            <ActionButton
              variant="primary"
              className="signup-button"
              loading={busy}
              disabled={busy}
              onClick={signUp}
            >
              {!session.signUpHeldBack &&
              placeNewParty(session.capacity, session.confirmedCount, guests, chosenMin).status ===
                'confirmed'
                ? '报名'
                : '报名候补'}
            </ActionButton>
          </>
        ) : (
          <Text className="hint signup-closed">报名已截止</Text>
        ))}
      <SeriesSignup session={session} guests={guests} minGuests={chosenMin} onChanged={onChanged} />
      {mine?.status === 'waitlisted' && (
        <SmallerSpotChoice
          guests={mine.guests}
          minGuests={mine.minGuests}
          disabled={busy}
          onChange={changeWhileWaiting}
        />
      )}
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
