// Asks the preview route to render (debounced) whenever the inputs change; keeps the last answer on
// screen while the next one is on its way. A plain fetch, not a Remix fetcher: a fetcher's POST
// would make Remix reload every loader on the page (the whole ticket page) after each preview.
// In the admin, App Bridge adds the session token to same-origin fetches.
import { useEffect, useState } from "react";
import { PREVIEW_PATH, type PreviewData } from "./types";

export function usePreview(fields: Record<string, string> | null, delayMs = 250) {
  const [data, setData] = useState<PreviewData | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const key = fields ? JSON.stringify(fields) : null;
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const response = await fetch(PREVIEW_PATH, {
          method: "POST",
          body: new URLSearchParams(JSON.parse(key) as Record<string, string>),
          headers: { Accept: "application/json" },
          signal: controller.signal,
        });
        const body = (await response.json().catch(() => null)) as PreviewData | null;
        setData(body ?? { ok: false, error: `Preview failed (${response.status})` });
      } catch (error) {
        if (!controller.signal.aborted) setData({ ok: false, error: error instanceof Error ? error.message : String(error) });
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
      setLoading(false);
    };
  }, [key, delayMs]);
  return { data, loading };
}

/** Form fields for prompt values: `prompt.<name>`. */
export function promptFields(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== "").map(([name, value]) => [`prompt.${name}`, value]));
}
