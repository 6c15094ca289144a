// E-commerce first-response benchmarks the reports compare against (share of first responses within
// 15 min / 1 h / 24 h): the average shop and a strong shop.
export const FIRST_RESPONSE_WINDOWS = [15, 60, 1440] as const;
export type FirstResponseWindow = (typeof FIRST_RESPONSE_WINDOWS)[number];

export const FIRST_RESPONSE_BENCHMARKS: Record<"average" | "strong", Record<FirstResponseWindow, number>> = {
  average: { 15: 0.35, 60: 0.65, 1440: 0.92 },
  strong: { 15: 0.65, 60: 0.85, 1440: 0.98 },
};
