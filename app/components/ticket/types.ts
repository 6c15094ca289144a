import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "../../routes/app.tickets.$ticketId";

export type TicketPageView = SerializeFrom<typeof loader>;
export type ThreadItemView = TicketPageView["thread"][number];
export type ComposerMode = "reply" | "note";
