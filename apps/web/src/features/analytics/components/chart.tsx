import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { loadCjkFonts } from '../../../i18n/cjk-fonts.js';
import type { ChartSpec } from '../figure.js';
import classes from './chart.module.css';

// Only what the dashboards draw: bar and line charts on the canvas renderer (no SVG, no inline styles
// in markup, so it renders under the page's strict CSP).
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

const PALETTE = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d', '#6741d9', '#868e96'];

/**
 * One ECharts chart. Screen readers get the label and the table beside it (the chart's text
 * alternative); `data-series` carries the figures drawn, for tests and for the curious. The legend
 * is the page's own list above the canvas: it wraps on a phone, where ECharts' legend paged its
 * names behind arrows ("1/3").
 */
export function Chart({ spec, label, onSelect }: { spec: ChartSpec; label: string; onSelect?: (categoryIndex: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => select.current?.(params.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // The canvas draws text in the page's font, once the font has what the labels need: without it a
    // browser with no system CJK font draws Japanese and Korean labels as empty boxes. The CJK faces
    // first: on a Vietnamese or English page they come when the page is idle, and a canvas drawn
    // before then keeps the boxes (a company named in Japanese, say).
    const fontFamily = getComputedStyle(element.current!).fontFamily;
    const text = [...spec.categories, ...spec.series.map((s) => s.name)].join('');
    let current = true;
    const draw = () => {
      if (current) chart.current?.setOption(option(spec, fontFamily, Boolean(onSelect)), { notMerge: true });
      if (current) element.current?.setAttribute('data-font', fontFamily);
    };
    loadCjkFonts()
      .then(() => document.fonts.load(`12px ${fontFamily}`, text))
      .then(draw, draw);
    return () => {
      current = false;
    };
  }, [spec, onSelect]);
  return (
    <div>
      {spec.series.length > 1 ? (
        // the table below names every series too: the list is for the eye, not read out twice
        <ul className={classes.legend} aria-hidden="true" data-testid="chart-legend">
          {spec.series.map((s, index) => (
            <li key={s.name}>
              <span className={classes.swatch} style={{ background: PALETTE[index % PALETTE.length] }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={element} className={classes.chart} role="img" aria-label={label} data-testid="chart" data-series={JSON.stringify(spec)} />
    </div>
  );
}

function option(spec: ChartSpec, fontFamily: string, selectable: boolean): echarts.EChartsCoreOption {
  const category = { type: 'category' as const, data: spec.categories, axisLabel: { hideOverlap: true } };
  const value = { type: 'value' as const, minInterval: spec.percent ? undefined : 1, max: spec.percent ? 100 : undefined };
  return {
    color: PALETTE,
    textStyle: { fontFamily },
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    xAxis: spec.horizontal ? value : category,
    yAxis: spec.horizontal ? { ...category, inverse: true } : value,
    series: spec.series.map((s) => ({
      type: spec.kind,
      name: s.name,
      data: s.data,
      stack: spec.stacked ? 'total' : undefined,
      connectNulls: false,
      // horizontal bars carry their value, so a zero is seen as a zero, not as a missing bar
      label: spec.horizontal ? { show: true, position: 'right' as const } : undefined,
      cursor: selectable ? 'pointer' : 'default',
    })),
  };
}
