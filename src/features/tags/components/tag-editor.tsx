import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { normaliseTag, tagLabel, tagLimits, tagProblemMessages } from '@/domain/tags';
import '@/components/tag-chips.scss';
import './tags.scss';

interface TagEditorProps {
  /** Normalised tags, in the member's order. */
  value: string[];
  onChange: (tags: string[]) => void;
  /** Normalised suggestions from the owner and admins. */
  suggestions: string[];
}

/**
 * One screen for my tags: tap a suggestion, or type one and see how it will be saved; tap a
 * chosen tag to remove it. When 8 are chosen, the editor says so instead of ignoring taps.
 */
export function TagEditor({ value, onChange, suggestions }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [limitNoticed, setLimitNoticed] = useState(false);
  const full = value.length >= tagLimits.perMember;
  const normalised = draft.trim() ? normaliseTag(draft) : null;
  const duplicate = normalised?.ok && value.includes(normalised.tag);

  function add(tag: string) {
    if (value.includes(tag)) return;
    if (full) {
      setLimitNoticed(true);
      return;
    }
    onChange([...value, tag]);
  }

  function remove(tag: string) {
    setLimitNoticed(false);
    onChange(value.filter((held) => held !== tag));
  }

  function addDraft() {
    if (!normalised?.ok || duplicate) return;
    add(normalised.tag);
    if (!full) setDraft('');
  }

  return (
    <View className="tag-editor">
      <View className="tag-editor__head">
        <Text className="field__label">我的标签</Text>
        <Text className={`tag-editor__count ${full ? 'tag-editor__count--full' : ''}`}>
          {value.length}/{tagLimits.perMember}
        </Text>
      </View>
      <View className="tag-list tag-editor__chosen">
        {value.length === 0 && <Text className="hint">还没有标签：从下面选几个，或者自己写一个</Text>}
        {value.map((tag) => (
          <View key={tag} className="tag-chip tag-chip--chosen" onClick={() => remove(tag)}>
            <Text>#{tag}</Text>
            <Text className="tag-chip__remove"> ×</Text>
          </View>
        ))}
      </View>
      <Text className={`tag-editor__limit ${limitNoticed ? 'tag-editor__limit--warn' : ''}`}>
        {full
          ? `已选满 ${tagLimits.perMember} 个标签。标签少而准，相似的人才找得准：先点掉一个，再添加新的。`
          : `每人最多 ${tagLimits.perMember} 个标签，点已选的标签即可删除。`}
      </Text>

      <View className="tag-editor__new">
        <Input
          className="field__input tag-editor__input"
          value={draft}
          placeholder="写一个新标签，如 #烘焙"
          maxlength={40}
          onInput={(event) => setDraft(event.detail.value)}
          onConfirm={addDraft}
        />
        <ActionButton
          variant="mini"
          className="tag-editor__add"
          disabled={!normalised?.ok || !!duplicate || full}
          onClick={addDraft}
        >
          添加
        </ActionButton>
      </View>
      {normalised && (
        <Text
          className={`tag-editor__preview ${normalised.ok && !duplicate ? '' : 'tag-editor__preview--problem'}`}
        >
          {!normalised.ok
            ? tagProblemMessages[normalised.problem]
            : duplicate
              ? `已经有 ${tagLabel(normalised.tag)} 了`
              : `将保存为 ${tagLabel(normalised.tag)}`}
        </Text>
      )}

      {suggestions.length > 0 && (
        <>
          <Text className="label">推荐标签</Text>
          <View className="tag-list tag-editor__suggestions">
            {suggestions.map((tag) => {
              const chosen = value.includes(tag);
              return (
                <View
                  key={tag}
                  className={`tag-chip tag-suggestion ${chosen ? 'tag-chip--chosen' : ''}`}
                  onClick={() => (chosen ? remove(tag) : add(tag))}
                >
                  <Text>#{tag}</Text>
                </View>
              );
            })}
          </View>
        </>
      )}
    </View>
  );
}
