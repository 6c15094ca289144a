// Short polling of the presence route: report viewing/typing every few seconds, read who else is here.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { PresentAgent } from "../../services/presence.server";

export const PRESENCE_POLL_MS = 5_000;

export function usePresence(ticketId: string, typing: boolean, initial: PresentAgent[]): PresentAgent[] {
  const fetcher = useFetcher<{ others: PresentAgent[] }>();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  const state = typing ? "typing" : "viewing";
  useEffect(() => {
    const url = `/app/tickets/${ticketId}/presence?state=${state}`;
    load.current(url);
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") load.current(url);
    }, PRESENCE_POLL_MS);
    return () => clearInterval(timer);
  }, [ticketId, state]);
  return fetcher.data?.others ?? initial;
}
