import { Text, View } from '@tarojs/components';
import { barPercents } from '@/domain/community-health';
import '../dashboard.scss';

export interface BarSeries {
  name: string;
  values: number[];
  /** Picks the colour: the first series green, then blue, orange, grey. */
  tone: 'green' | 'blue' | 'orange' | 'grey';
}

/**
 * Grouped bars drawn with plain views and percent heights: renders the same in WeChat and H5 and
 * costs no charting library. All series share one scale, so bars compare across series.
 */
export function BarChart({ labels, series }: { labels: string[]; series: BarSeries[] }) {
  const percents = barPercents(series.flatMap((s) => s.values));
  const percentOf = (seriesIndex: number, index: number) => percents[seriesIndex * labels.length + index]!;
  return (
    <View className="bar-chart">
      <View className="bar-chart__plot">
        {labels.map((label, index) => (
          <View key={label} className="bar-chart__group">
            <View className="bar-chart__bars">
              {series.map((s, seriesIndex) => (
                <View key={s.name} className={`bar-chart__bar bar-chart__bar--${s.tone}`}>
                  <Text className="bar-chart__value">{s.values[index] ? s.values[index] : ''}</Text>
                  <View className="bar-chart__fill" style={{ height: `${percentOf(seriesIndex, index)}%` }} />
                </View>
              ))}
            </View>
            <Text className="bar-chart__label">{label}</Text>
          </View>
        ))}
      </View>
      <View className="bar-chart__legend">
        {series.map((s) => (
          <View key={s.name} className="bar-chart__legend-item">
            <View className={`bar-chart__swatch bar-chart__bar--${s.tone}`} />
            <Text>{s.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** "11/23" from a week's Monday "2026-11-23". */
export function weekLabel(weekStart: string): string {
  const [, month, day] = weekStart.split('-');
  return `${Number(month)}/${Number(day)}`;
}
