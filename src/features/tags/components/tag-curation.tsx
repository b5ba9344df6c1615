import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { SuggestedTagView } from '@/domain/contract/tags';
import { normaliseTag, tagLabel, tagProblemMessages } from '@/domain/tags';
import { useSubmit } from '@/lib/use-submit';
import { addSuggestedTag } from '../api/add-suggested-tag';
import { changeSuggestedTag } from '../api/change-suggested-tag';
import { useSuggestedTags } from '../api/get-suggested-tags';
import { useTagCloud } from '../api/get-tag-cloud';
import { mergeTags } from '../api/merge-tags';
import '@/components/tag-chips.scss';
import './tags.scss';

function TagInput({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
}) {
  const normalised = value.trim() ? normaliseTag(value) : null;
  return (
    <View className="field">
      <Input
        className="field__input"
        value={value}
        placeholder={placeholder}
        maxlength={40}
        onInput={(event) => onChange(event.detail.value)}
      />
      {normalised && (
        <Text className={`tag-editor__preview ${normalised.ok ? '' : 'tag-editor__preview--problem'}`}>
          {normalised.ok ? tagLabel(normalised.tag) : tagProblemMessages[normalised.problem]}
        </Text>
      )}
    </View>
  );
}

/** 标签管理 (owner and admins): suggested tags add / rename / hide, and merging one tag into another. */
export function TagCuration({ communityId }: { communityId: string }) {
  const suggested = useSuggestedTags(communityId);
  const cloud = useTagCloud(communityId);
  const [newTag, setNewTag] = useState('');
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  const { busy, run } = useSubmit();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameDraft, setRenameDraft] = useState('');

  function change(action: () => Promise<unknown>, done: string) {
    return run(async () => {
      await action();
      Taro.showToast({ title: done, icon: 'none' });
      await Promise.all([suggested.reload(), cloud.reload()]);
    });
  }

  async function rename(tag: SuggestedTagView) {
    const next = normaliseTag(renameDraft);
    if (!next.ok) return;
    await change(async () => {
      await changeSuggestedTag(communityId, tag.id, { tag: next.tag });
      setRenaming(null);
    }, '已重命名，持有的群友也一起改了');
  }

  async function merge() {
    const a = normaliseTag(from);
    const b = normaliseTag(into);
    if (!a.ok || !b.ok) return;
    const { confirm } = await Taro.showModal({
      title: '合并标签',
      content: `把 ${tagLabel(a.tag)} 合并到 ${tagLabel(b.tag)}？所有持有 ${tagLabel(a.tag)} 的群友都会改为 ${tagLabel(b.tag)}，无法撤回。`,
      confirmText: '合并',
    });
    if (!confirm) return;
    await change(async () => {
      await mergeTags(communityId, a.tag, b.tag);
      setFrom('');
      setInto('');
    }, '已合并');
  }

  if (suggested.error) return <LoadError error={suggested.error} onRetry={suggested.reload} />;
  if (!suggested.data) return <SkeletonCard lines={4} />;

  return (
    <View className="tag-curation">
      <View className="section-title">推荐标签（成员编辑标签时可一键选择）</View>
      <View className="card list suggested-tags">
        {suggested.data.length === 0 && <Text className="hint">还没有推荐标签，在下面添加一个。</Text>}
        {suggested.data.map((tag) =>
          renaming === tag.id ? (
            <View key={tag.id} className="suggested-tag suggested-tag--renaming">
              <TagInput
                value={renameDraft}
                onChange={setRenameDraft}
                placeholder={`把 ${tagLabel(tag.tag)} 改名为`}
              />
              <View className="button-row">
                <ActionButton variant="mini" onClick={() => setRenaming(null)}>
                  取消
                </ActionButton>
                <ActionButton
                  variant="mini"
                  disabled={busy || !normaliseTag(renameDraft).ok}
                  onClick={() => rename(tag)}
                >
                  保存
                </ActionButton>
              </View>
            </View>
          ) : (
            <View key={tag.id} className={`list-item suggested-tag ${tag.hidden ? 'is-hidden' : ''}`}>
              <Text className="member__name">
                {tagLabel(tag.tag)} · {tag.count} 人{tag.hidden ? ' · 已隐藏' : ''}
              </Text>
              <View className="member__actions">
                <ActionButton
                  variant="mini"
                  disabled={busy}
                  onClick={() => {
                    setRenameDraft(tag.tag);
                    setRenaming(tag.id);
                  }}
                >
                  重命名
                </ActionButton>
                <ActionButton
                  variant="mini"
                  disabled={busy}
                  onClick={() =>
                    change(
                      () => changeSuggestedTag(communityId, tag.id, { hidden: !tag.hidden }),
                      tag.hidden ? '已显示' : '已隐藏',
                    )
                  }
                >
                  {tag.hidden ? '显示' : '隐藏'}
                </ActionButton>
              </View>
            </View>
          ),
        )}
      </View>
      <View className="card">
        <TagInput value={newTag} onChange={setNewTag} placeholder="新的推荐标签" />
        <ActionButton
          className="add-suggested-tag"
          disabled={busy || !normaliseTag(newTag).ok}
          onClick={() =>
            change(async () => {
              await addSuggestedTag(communityId, newTag);
              setNewTag('');
            }, '已添加')
          }
        >
          添加推荐标签
        </ActionButton>
      </View>

      <View className="section-title">合并标签（如把 #pokemon# 合并到 #pokemon go#）</View>
      <View className="card merge-tags">
        <TagInput value={from} onChange={setFrom} placeholder="要合并掉的标签" />
        <TagInput value={into} onChange={setInto} placeholder="合并到" />
        <ActionButton
          variant="warn"
          disabled={busy || !normaliseTag(from).ok || !normaliseTag(into).ok}
          onClick={merge}
        >
          合并
        </ActionButton>
        {cloud.data && cloud.data.length > 0 && (
          <Text className="hint">
            现有标签：{cloud.data.map((item) => `${tagLabel(item.tag)}（${item.count}）`).join('、')}
          </Text>
        )}
      </View>
    </View>
  );
}
