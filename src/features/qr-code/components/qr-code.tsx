import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { encodeQr } from '../qr-encoder';
import '../qr-code.scss';

/** The quiet zone the standard asks for around the symbol, in modules. */
const quietModules = 4;

interface DarkRun {
  row: number;
  column: number;
  length: number;
}

/** Each row's runs of dark modules: one View per run, far fewer than one per module (a 37x37 symbol: ~400, not 1,369). */
function darkRuns(modules: boolean[][]): DarkRun[] {
  const runs: DarkRun[] = [];
  modules.forEach((line, row) => {
    let start = -1;
    for (let column = 0; column <= line.length; column++) {
      const dark = column < line.length && line[column];
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  });
  return runs;
}

const percent = (value: number) => `${(value * 100).toFixed(4)}%`;

/**
 * A QR code drawn on the device as Views, the same in WeChat and in the browser. Not a Canvas: a 2d
 * canvas is reached differently in each build (a node from a selector query after the render in
 * WeChat, a DOM canvas in H5) and draws nothing a test can see; positioned Views are plain layout in
 * both. Dark runs overlap by half a pixel so no hairline shows between rows at fractional sizes.
 */
export function QrCode({ text }: { text: string }) {
  const symbol = useMemo(() => encodeQr(text), [text]);
  const runs = useMemo(() => darkRuns(symbol.modules), [symbol]);
  const span = symbol.size + 2 * quietModules;
  return (
    <View className="qr-code">
      {runs.map((run) => (
        <View
          key={`${run.row}-${run.column}`}
          className="qr-code__dark"
          style={{
            left: percent((run.column + quietModules) / span),
            top: percent((run.row + quietModules) / span),
            width: `calc(${percent(run.length / span)} + 0.5px)`,
            height: `calc(${percent(1 / span)} + 0.5px)`,
          }}
        />
      ))}
    </View>
  );
}
