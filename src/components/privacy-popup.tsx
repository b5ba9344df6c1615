import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { pagePaths } from '@/domain/page-paths';

type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

/** WeChat's answer functions of the calls waiting for the member: the popup shows while any wait. */
const usePrivacyPrompt = create<{ waiting: Resolve[] }>()(() => ({ waiting: [] }));

/**
 * With `__usePrivacyCheck__`, WeChat holds a call that touches personal information (the avatar
 * chooser, the album and camera, the clipboard, the calendar) until the member agrees to
 * 隐私保护指引, and asks us to ask: the popup below, on every page (SignInGate), answers. Agreed, the
 * call goes on; refused, it fails with "privacy permission is not authorized" (withPermission
 * explains it). Weapp only, from src/app.ts; older base libraries have no such event.
 */
export function listenForPrivacyPrompts(): void {
  Taro.onNeedPrivacyAuthorization?.((resolve) => {
    usePrivacyPrompt.setState(({ waiting }) => ({ waiting: waiting.concat(resolve) }));
  });
}

/** The member's answer to every waiting call. WeChat checks that the button named `buttonId` was tapped. */
function answer(agreed: boolean): void {
  const { waiting } = usePrivacyPrompt.getState();
  usePrivacyPrompt.setState({ waiting: [] });
  waiting.forEach((resolve) => {
    resolve(agreed ? { event: 'agree', buttonId: 'privacy-agree' } : { event: 'disagree' });
  });
}

/**
 * Shown over the page while a call waits, the guide one tap away. WeChat only: the H5 build never
 * asks. Every page carries it, so it stays a few words; the guide itself lives in member/.
 */
export function PrivacyPopup() {
  const waiting = usePrivacyPrompt((state) => state.waiting.length > 0);
  if (process.env.TARO_ENV !== 'weapp' || !waiting) return null;
  return (
    <View className="privacy-popup">
      <View className="card">
        <Text
          className="privacy-popup__link"
          onClick={() => Taro.navigateTo({ url: pagePaths.privacyGuide })}
        >
          使用前请阅读并同意《隐私保护指引》
        </Text>
        <View className="button-row">
          <Button className="button privacy-refuse" onClick={() => answer(false)}>
            拒绝
          </Button>
          <Button
            id="privacy-agree"
            className="button button--primary privacy-agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answer(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
