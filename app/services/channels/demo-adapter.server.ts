// The stand-in for every channel until the real ones exist: it sends nothing and records what
// would have been sent (the message's deliveryStatus and a timeline entry tell the agent).
import { randomUUID } from "node:crypto";
import type { ChannelAdapter, OutboundMessage } from "./channel-adapter";

const MAX_RECORDED = 500;
const recorded: OutboundMessage[] = [];

export const demoChannelAdapter: ChannelAdapter = {
  channel: "demo",
  async send(message) {
    recorded.push(message);
    if (recorded.length > MAX_RECORDED) recorded.shift();
    return { channelMessageId: `demo-${randomUUID()}`, status: "sent" };
  },
};

/** What the demo adapter was asked to send (newest last), e.g. for tests and the demo. */
export function demoOutbox(): readonly OutboundMessage[] {
  return recorded;
}
