import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from './action-button';
import './search-box.scss';

interface SearchBoxProps {
  placeholder: string;
  /** The words as typed when the member searches (the keyboard's 搜索 or the button), trimmed. */
  onSearch: (text: string) => void;
  initial?: string;
  maxLength: number;
  /** Names the box for styling and tests, e.g. `tip-search`: `tip-search__input`, `tip-search__go`. */
  name: string;
  focus?: boolean;
}

/** A WeUI search bar: type, then the keyboard's 搜索 key or the button. */
export function SearchBox({ placeholder, onSearch, initial = '', maxLength, name, focus }: SearchBoxProps) {
  const [text, setText] = useState(initial);
  const search = (value: string) => onSearch(value.trim());
  return (
    <View className={`search-box ${name}`}>
      <Input
        className={`search-box__input ${name}__input`}
        value={text}
        placeholder={placeholder}
        maxlength={maxLength}
        confirmType="search"
        focus={focus}
        onInput={(event) => setText(event.detail.value)}
        onConfirm={(event) => search(event.detail.value)}
      />
      <ActionButton variant="mini" className={`search-box__go ${name}__go`} onClick={() => search(text)}>
        搜索
      </ActionButton>
    </View>
  );
}
