// polaris-viz measures the DOM: charts render after hydration, with a skeleton of the same height first
// (no layout shift), and the table next to each chart carries the same numbers for screen readers.
import { PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState, type ReactNode } from "react";

export function ClientChart({ height = 240, children }: { height?: number; children: () => ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div style={{ height }} aria-hidden="true">
      {mounted ? <PolarisVizProvider>{children()}</PolarisVizProvider> : null}
    </div>
  );
}
