import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason } from '@/components/form-reason';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { SwitchCell } from '@/components/switch-cell';
import { TextField } from '@/components/text-field';
import { textLength } from '@/domain/community-rules';
import type { MemberProfileChanges, MemberProfileView } from '@/domain/contract/profiles';
import { profileLimits } from '@/domain/profiles';
import { formTextProblem } from '@/domain/text';
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

/** Why the draft cannot be saved, the counts and the text rule in words; null when it can. */
function draftProblem(draft: Draft): string | null {
  const nicknameLength = textLength(draft.nickname.trim());
  if (nicknameLength === 0) return '请填写昵称';
  if (nicknameLength > profileLimits.nicknameMax) return `昵称最多 ${profileLimits.nicknameMax} 个字`;
  if (textLength(draft.bio.trim()) > profileLimits.bioMax) return `个人介绍最多 ${profileLimits.bioMax} 个字`;
  return formTextProblem([
    ['昵称', draft.nickname, 'single-line'],
    ['个人介绍', draft.bio, 'multi-line'],
  ]);
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

  const changes = changesOf(saved, draft);
  const unchanged = Object.keys(changes).length === 0;
  const problem = draftProblem(draft) ?? (unchanged ? '还没有改动' : null);

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
        <TextField
          className="field--nickname"
          label="昵称"
          type="nickname"
          value={draft.nickname}
          onChange={(nickname) => update({ nickname })}
          max={profileLimits.nicknameMax}
          placeholder="群里怎么称呼你"
        />
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

      <View className="card form">
        <SwitchCell
          className="hidden-from-similar"
          label="不出现在「和我相似的人」里"
          checked={draft.hiddenFromSimilar}
          onChange={(hiddenFromSimilar) => update({ hiddenFromSimilar })}
          hint="打开后，群友在「和我相似的人」里看不到你；你的资料页仍对本群成员可见。"
        />
      </View>

      {problemText && <Text className="form__problem profile-problem">{problemText}</Text>}
      {/* The saved profile is a fine one: until something changes, the form says what it waits for. */}
      <FormReason problem={problem} touched={!unchanged} needs="改动后即可保存" />
      <ActionButton
        variant="primary"
        className="save-profile"
        disabled={!!problem}
        loading={saving}
        onClick={save}
      >
        保存
      </ActionButton>
    </View>
  );
}
