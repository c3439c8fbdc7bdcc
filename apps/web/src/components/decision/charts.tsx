"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";

import { ChartPatterns, color, fillOf } from "./chart-patterns";

const fmt = (n: number) => n.toFixed(1);

/**
 * A row's name on the left, in at most `maxLines` lines of its narrow column so a long name never
 * runs into the next row's: it ends in "…" instead (the table beside the chart has it whole).
 */
function rowName(props: YAxisTickContentProps, fontSize: number, maxLines: number) {
  return (
    <Text
      x={props.x}
      y={props.y}
      width={props.width}
      textAnchor={props.textAnchor}
      verticalAnchor={props.verticalAnchor}
      fill={props.fill}
      fontSize={fontSize}
      maxLines={maxLines}
      className="recharts-cartesian-axis-tick-value"
    >
      {props.payload.value}
    </Text>
  );
}
const optionName = (props: YAxisTickContentProps) => rowName(props, 12, 2);
const criterionName = (props: YAxisTickContentProps) => rowName(props, 11, 3);

/**
 * The frame both charts share: horizontal bars, one row per category named on the left, a
 * dashed grid and the fill patterns, hidden from screen readers (the tables beside them say
 * the same in words). It fills the height of its container, which the page sizes before this
 * code has loaded (see `recommendation-panel.tsx`).
 */
function HorizontalBars({
  data,
  right,
  children,
}: {
  data: object[];
  /** Room on the right for the value written after the longest bar. */
  right: number;
  children: React.ReactNode;
}) {
  return (
    <div aria-hidden="true" className="h-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ left: 8, right, top: 4, bottom: 4 }}
        >
          <ChartPatterns />
          <CartesianGrid horizontal={false} strokeDasharray="3 3" className="stroke-border" />
          {children}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Each option's total on a 0..100 axis, with the value written on its bar. */
export function TotalsChart({
  totals,
}: {
  totals: { name: string; score: number; index: number }[];
}) {
  return (
    <HorizontalBars data={totals} right={40}>
      <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={150} tick={optionName} />
      <Bar
        dataKey="score"
        isAnimationActive={false}
        shape={(props: unknown) => <PatternBar {...(props as BarShape)} />}
      >
        <LabelList
          dataKey="score"
          position="right"
          formatter={(v: unknown) => fmt(Number(v))}
          className="fill-foreground text-xs"
        />
      </Bar>
    </HorizontalBars>
  );
}

type BarShape = { x: number; y: number; width: number; height: number; payload: { index: number } };

function PatternBar({ x, y, width, height, payload }: BarShape) {
  return (
    <rect
      x={x}
      y={y}
      width={Math.max(0, width)}
      height={height}
      fill={fillOf(payload.index)}
      stroke={color(payload.index)}
      rx={3}
    />
  );
}

/** Points each criterion adds to each option: one group of bars per criterion. */
export function ContributionChart({
  criteria,
  options,
}: {
  criteria: { name: string; values: Record<string, number> }[];
  options: { key: string; name: string }[];
}) {
  const data = criteria.map((c) => ({ name: c.name, ...c.values }));
  return (
    <HorizontalBars data={data} right={36}>
      <XAxis type="number" tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={170} tick={criterionName} interval={0} />
      <Tooltip formatter={(v: unknown) => `${fmt(Number(v))} points`} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {options.map((option, i) => (
        <Bar
          key={option.key}
          dataKey={option.key}
          name={option.name}
          fill={fillOf(i)}
          stroke={color(i)}
          isAnimationActive={false}
        >
          <LabelList
            dataKey={option.key}
            position="right"
            formatter={(v: unknown) => fmt(Number(v))}
            className="fill-foreground text-[10px]"
          />
        </Bar>
      ))}
    </HorizontalBars>
  );
}
