import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/text-field';
import { textLength } from '@/domain/community-rules';
import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { weeklyDigestLimits } from '@/domain/weekly-digest';
import { useSubmit } from '@/lib/use-submit';
import { editDigestIntro } from '../api/edit-digest-intro';
import '../weekly-digest.scss';

/** The team writes the intro line here; '' puts the default back. */
function IntroEditor({
  digest,
  onSaved,
  onClose,
}: {
  digest: WeeklyDigestView;
  onSaved: (digest: WeeklyDigestView) => void;
  onClose: () => void;
}) {
  const [intro, setIntro] = useState(digest.introEdited ? digest.intro : '');
  const { busy, run } = useSubmit();
  const tooLong = textLength(intro.trim()) > weeklyDigestLimits.introMax;
  const save = async () => {
    const saved = await run(() => editDigestIntro(digest.communityId, digest.weekStart, intro.trim()));
    if (!saved) return;
    Taro.showToast({ title: '开场白已保存', icon: 'none' });
    onSaved(saved);
    onClose();
  };
  return (
    <View className="digest-intro-editor">
      <TextField
        label="开场白"
        value={intro}
        onChange={setIntro}
        max={weeklyDigestLimits.introMax}
        placeholder="空着就用默认的一句"
        className="field--digest-intro"
      />
      <View className="button-row">
        <ActionButton
          variant="primary"
          className="digest-intro-save"
          loading={busy}
          disabled={busy || tooLong}
          onClick={save}
        >
          保存
        </ActionButton>
        <ActionButton className="digest-intro-cancel" onClick={onClose}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}

/** The week, the intro line, and for the team whether the group has it yet. */
export function DigestHeader({
  digest,
  onChange,
}: {
  digest: WeeklyDigestView;
  onChange: (digest: WeeklyDigestView) => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <View className="card digest-header">
      <Text className="title digest-title">本周群周报</Text>
      <Text className="hint digest-week">{`${digest.communityName} · ${digest.weekLabel}`}</Text>
      {editing ? (
        <IntroEditor digest={digest} onSaved={onChange} onClose={() => setEditing(false)} />
      ) : (
        <Text className="digest-intro">{digest.intro}</Text>
      )}
      {digest.canManage && !editing && (
        <View className="digest-header__team">
          <Text className={`role-tag digest-state ${digest.sharedAt ? 'digest-state--shared' : ''}`}>
            {digest.sharedAt ? '已分享到群' : '未分享，群友还看不到'}
          </Text>
          <ActionButton variant="mini" className="digest-intro-edit" onClick={() => setEditing(true)}>
            修改开场白
          </ActionButton>
        </View>
      )}
    </View>
  );
}
