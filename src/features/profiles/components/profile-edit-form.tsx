import { Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { TextField } from '@/components/text-field';
import { textLength } from '@/domain/community-rules';
import type { MemberProfileChanges, MemberProfileView } from '@/domain/contract/profiles';
import { profileLimits } from '@/domain/profiles';
import { textProblem } from '@/domain/text';
import { isApiError } from '@/lib/api-error';
import { useSubmit } from '@/lib/use-submit';
import { useMyProfile } from '../api/get-my-profile';
import { updateMyProfile } from '../api/update-my-profile';
import { AvatarPicker } from './avatar-picker';

interface Draft {
  nickname: string;
  bio: string;
  tags: string[];
  hiddenFromSimilar: boolean;
  avatar: { id: string; url: string } | null;
}

function draftOf(profile: MemberProfileView): Draft {
  return {
    nickname: profile.nickname,
    bio: profile.bio,
    tags: profile.tags,
    hiddenFromSimilar: profile.hiddenFromSimilar ?? false,
    avatar: null,
  };
}

/** Only what changed is sent: the PATCH changes exactly those fields. */
function changesOf(profile: MemberProfileView, draft: Draft): MemberProfileChanges {
  const changes: MemberProfileChanges = {};
  if (draft.nickname.trim() !== profile.nickname) changes.nickname = draft.nickname.trim();
  if (draft.bio.trim() !== profile.bio) changes.bio = draft.bio.trim();
  if (draft.tags.join('\n') !== profile.tags.join('\n')) changes.tags = draft.tags;
  if (draft.hiddenFromSimilar !== (profile.hiddenFromSimilar ?? false))
    changes.hiddenFromSimilar = draft.hiddenFromSimilar;
  if (draft.avatar) changes.avatarUploadId = draft.avatar.id;
  return changes;
}

/**
 * 编辑资料: avatar, nickname, bio, tags and visibility on one screen. The tag editor belongs to the
 * tags feature: the page hands it in.
 */
export function ProfileEditForm({
  communityId,
  tagEditor,
}: {
  communityId: string;
  tagEditor: (tags: string[], onChange: (tags: string[]) => void) => ReactNode;
}) {
  const profile = useMyProfile(communityId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy: saving, run } = useSubmit();

  useEffect(() => {
    if (profile.data) setDraft(draftOf(profile.data));
  }, [profile.data]);

  if (profile.error) return <LoadError error={profile.error} onRetry={profile.reload} />;
  if (!profile.data || !draft) return <SkeletonCard lines={5} />;
  const saved = profile.data;
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const nicknameLength = textLength(draft.nickname.trim());
  const nicknameProblem = textProblem(draft.nickname.trim(), 'single-line');
  const invalid =
    nicknameLength === 0 ||
    nicknameLength > profileLimits.nicknameMax ||
    textLength(draft.bio.trim()) > profileLimits.bioMax ||
    nicknameProblem !== null ||
    textProblem(draft.bio.trim(), 'multi-line') !== null;
  const changes = changesOf(saved, draft);
  const unchanged = Object.keys(changes).length === 0;

  function save() {
    run(
      async () => {
        setProblems({});
        await updateMyProfile(communityId, changes);
        Taro.showToast({ title: '已保存', icon: 'success' });
        await profile.reload();
        Taro.navigateBack().catch(() => undefined);
      },
      {
        onError: (error) => {
          if (isApiError(error) && error.fields) setProblems(error.fields);
        },
      },
    );
  }

  const problemText = Object.values(problems).join('；');

  return (
    <View className="profile-edit-form">
      <View className="card">
        <AvatarPicker
          nickname={draft.nickname || saved.nickname}
          avatarUrl={draft.avatar?.url ?? saved.avatarUrl}
          onUploaded={(avatar) => update({ avatar })}
        />
        <View className="field field--nickname">
          <View className="field__head">
            <Text className="field__label">昵称</Text>
            <Text
              className={`field__count ${nicknameLength > profileLimits.nicknameMax ? 'field__count--over' : ''}`}
            >
              {nicknameLength}/{profileLimits.nicknameMax}
            </Text>
          </View>
          <Input
            className="field__input nickname-input"
            type="nickname"
            value={draft.nickname}
            placeholder="群里怎么称呼你"
            maxlength={profileLimits.nicknameMax}
            onInput={(event) => update({ nickname: event.detail.value })}
            onBlur={(event) => update({ nickname: event.detail.value })}
          />
          {nicknameProblem && <Text className="field__problem">{nicknameProblem}</Text>}
        </View>
        <TextField
          className="field--bio"
          label="个人介绍"
          value={draft.bio}
          onChange={(bio) => update({ bio })}
          max={profileLimits.bioMax}
          multiline
          placeholder="一句话介绍自己，比如你擅长或想学的"
        />
      </View>

      <View className="card">{tagEditor(draft.tags, (tags) => update({ tags }))}</View>

      <View className="card hidden-from-similar">
        <View className="list-item">
          <Text className="member__name">不出现在「和我相似的人」里</Text>
          <Switch
            checked={draft.hiddenFromSimilar}
            color="#07c160"
            onChange={(event) => update({ hiddenFromSimilar: event.detail.value })}
          />
        </View>
        <Text className="hint">打开后，群友在「和我相似的人」里看不到你；你的资料页仍对本群成员可见。</Text>
      </View>

      {problemText && <Text className="form__problem profile-problem">{problemText}</Text>}
      <ActionButton
        variant="primary"
        className="save-profile"
        disabled={invalid || unchanged}
        loading={saving}
        onClick={save}
      >
        保存
      </ActionButton>
    </View>
  );
}
