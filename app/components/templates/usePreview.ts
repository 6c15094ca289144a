// Asks the preview route to render (debounced) whenever the inputs change; keeps the last answer
// on screen while the next one is on its way.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { PREVIEW_PATH, type PreviewData } from "./types";

export function usePreview(fields: Record<string, string> | null, delayMs = 250) {
  const fetcher = useFetcher<PreviewData>();
  const key = fields ? JSON.stringify(fields) : null;
  const submitRef = useRef(fetcher.submit);
  submitRef.current = fetcher.submit;
  useEffect(() => {
    if (!key) return;
    const timer = setTimeout(() => submitRef.current(JSON.parse(key) as Record<string, string>, { method: "post", action: PREVIEW_PATH }), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return { data: fetcher.data, loading: fetcher.state !== "idle" };
}

/** Form fields for prompt values: `prompt.<name>`. */
export function promptFields(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== "").map(([name, value]) => [`prompt.${name}`, value]));
}
