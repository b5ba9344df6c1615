import { ActionButton } from '@/components/action-button';
import { useSubmit } from '@/lib/use-submit';
import { openSpreadsheet } from '../api/open-spreadsheet';

/** Downloads one of the team's spreadsheets: WeChat opens it (and can forward it), the browser saves it. */
export function ExportButton({
  path,
  fileName,
  label,
  className,
  onExported,
}: {
  path: string;
  fileName: string;
  label: string;
  className: string;
  onExported?: () => void;
}) {
  const { busy, run } = useSubmit();
  const exportNow = async () => {
    const done = await run(async () => {
      await openSpreadsheet(path, fileName);
      return true;
    });
    if (done) onExported?.();
  };
  return (
    <ActionButton className={className} loading={busy} disabled={busy} onClick={exportNow}>
      {label}
    </ActionButton>
  );
}
