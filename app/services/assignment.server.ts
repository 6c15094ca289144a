// Round-robin assignment: unassigned open tickets (most urgent, then oldest, first) go to the
// available agent with the fewest active tickets, below their cap; ties go to whoever waited longest.
import type { PrismaClient } from "@prisma/client";
import { ACTIVE_STATUSES, priorityRank } from "../domain/ticket-fields";

export interface AgentLoad {
  id: string;
  maxOpenTickets: number;
  lastAssignedAt: Date | null;
  openTickets: number;
}

export interface UnassignedTicket {
  id: string;
  priority: string;
  createdAt: Date;
}

const MAX_TICKETS_PER_RUN = 500;

/** Pure: who gets which ticket. Loads are updated as tickets are handed out. */
export function planAssignments(tickets: readonly UnassignedTicket[], agents: readonly AgentLoad[]): { ticketId: string; agentId: string }[] {
  const queue = [...tickets].sort(
    (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  const loads = agents.map((agent) => ({ ...agent }));
  let tick = 0;
  const plan: { ticketId: string; agentId: string }[] = [];
  for (const ticket of queue) {
    const candidates = loads.filter((agent) => agent.openTickets < agent.maxOpenTickets);
    if (candidates.length === 0) break;
    candidates.sort(
      (a, b) =>
        a.openTickets - b.openTickets ||
        (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
        a.id.localeCompare(b.id),
    );
    const chosen = candidates[0]!;
    chosen.openTickets += 1;
    // Later in the same run counts as later, so equal loads rotate.
    chosen.lastAssignedAt = new Date(8.64e15 - 1e6 + tick++);
    plan.push({ ticketId: ticket.id, agentId: chosen.id });
  }
  return plan;
}

export async function autoAssign(db: PrismaClient, shopId: string, now: Date = new Date()): Promise<{ assigned: { ticketId: string; agentId: string }[] }> {
  const agents = await db.agent.findMany({
    where: { shopId, availability: "available" },
    select: { id: true, maxOpenTickets: true, lastAssignedAt: true },
  });
  if (agents.length === 0) return { assigned: [] };
  const [counts, tickets] = await Promise.all([
    db.ticket.groupBy({
      by: ["assigneeId"],
      where: { shopId, assigneeId: { in: agents.map((agent) => agent.id) }, status: { in: [...ACTIVE_STATUSES] }, mergedIntoId: null },
      _count: { _all: true },
    }),
    db.ticket.findMany({
      where: { shopId, assigneeId: null, status: "open", mergedIntoId: null },
      select: { id: true, priority: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: MAX_TICKETS_PER_RUN,
    }),
  ]);
  const openByAgent = new Map(counts.map((row) => [row.assigneeId, row._count._all]));
  const plan = planAssignments(
    tickets,
    agents.map((agent) => ({ ...agent, openTickets: openByAgent.get(agent.id) ?? 0 })),
  );
  const assigned: { ticketId: string; agentId: string }[] = [];
  for (const step of plan) {
    const done = await db.$transaction(async (tx) => {
      // Only if still unassigned: a manual assignment meanwhile wins.
      const { count } = await tx.ticket.updateMany({ where: { id: step.ticketId, shopId, assigneeId: null }, data: { assigneeId: step.agentId, updatedAt: now } });
      if (count !== 1) return false;
      await tx.agent.update({ where: { id: step.agentId }, data: { lastAssignedAt: now } });
      await tx.ticketEvent.create({
        data: { shopId, ticketId: step.ticketId, type: "assigned", actorType: "automation", data: { from: null, to: step.agentId, rule: "round_robin" }, createdAt: now },
      });
      return true;
    });
    if (done) assigned.push(step);
  }
  return { assigned };
}
