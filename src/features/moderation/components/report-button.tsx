import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import './report-button.scss';
import { ReportForm, type ReportTarget } from './report-form';

/**
 * 举报: a quiet text button that opens a dialog for the reason. Our own dialog: H5 has no editable
 * modal. Main-package pages use ReportLink instead, which keeps the form in a subpackage.
 */
export function ReportButton({
  communityId,
  target,
  className,
}: {
  communityId: string;
  target: ReportTarget;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Text className={`report-button ${className ?? ''}`} onClick={() => setOpen(true)}>
        举报
      </Text>
      {open && (
        <View className="report-dialog">
          <ReportForm
            communityId={communityId}
            target={target}
            className="report-dialog__panel"
            onDone={() => setOpen(false)}
            onCancel={() => setOpen(false)}
          />
        </View>
      )}
    </>
  );
}
