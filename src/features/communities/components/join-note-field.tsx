import { TextField } from '@/components/text-field';
import { joinLimits } from '@/domain/community-rules';

/** The newcomer's few words to the team, read when the community approves newcomers. */
export function JoinNoteField({ value, onChange }: { value: string; onChange: (note: string) => void }) {
  return (
    <TextField
      className="field--join-note"
      label="给群主留言（选填）"
      value={value}
      max={joinLimits.noteMax}
      placeholder="例如：做小红书两年，想学写标题"
      onChange={onChange}
    />
  );
}
