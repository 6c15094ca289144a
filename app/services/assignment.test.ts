import { describe, expect, it } from "vitest";
import { planAssignments, type AgentLoad } from "./assignment.server";

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes));
const agent = (id: string, openTickets: number, lastAssignedAt: Date | null = null, maxOpenTickets = 10): AgentLoad => ({ id, openTickets, lastAssignedAt, maxOpenTickets });

describe("planAssignments", () => {
  it("hands out the most urgent, then oldest, tickets first to the least-loaded agent", () => {
    const plan = planAssignments(
      [
        { id: "old-normal", priority: "normal", createdAt: at(1) },
        { id: "new-urgent", priority: "urgent", createdAt: at(5) },
        { id: "new-normal", priority: "normal", createdAt: at(3) },
      ],
      [agent("busy", 3), agent("idle", 1)],
    );
    expect(plan).toEqual([
      { ticketId: "new-urgent", agentId: "idle" },
      { ticketId: "old-normal", agentId: "idle" },
      { ticketId: "new-normal", agentId: "busy" },
    ]);
  });

  it("breaks ties by who was assigned longest ago, then rotates", () => {
    const plan = planAssignments(
      [1, 2, 3, 4].map((n) => ({ id: `t${n}`, priority: "normal", createdAt: at(n) })),
      [agent("recent", 0, at(50)), agent("never", 0, null), agent("earlier", 0, at(10))],
    );
    expect(plan.map((step) => step.agentId)).toEqual(["never", "earlier", "recent", "never"]);
  });

  it("respects each agent's cap and stops when everyone is full", () => {
    const plan = planAssignments(
      [1, 2, 3].map((n) => ({ id: `t${n}`, priority: "normal", createdAt: at(n) })),
      [agent("a", 1, null, 2), agent("b", 5, null, 5)],
    );
    expect(plan).toEqual([{ ticketId: "t1", agentId: "a" }]);
  });
});
