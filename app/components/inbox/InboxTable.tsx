// The inbox table: rows that open the ticket page, selection with bulk actions, keyset pagination.
import { EmptySearchResult, EmptyState, IndexTable, useIndexResourceState } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InboxRowView } from "../../models/tickets.server";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "../../domain/ticket-fields";
import type { BulkIntent } from "../../domain/inbox-filters";
import { InboxRow } from "./InboxRow";
import { MergeModal, TagModal } from "./BulkActionModals";

export interface BulkRequest {
  intent: BulkIntent;
  ticketIds: string[];
  value: string;
}

export function InboxTable({
  rows,
  now,
  agents,
  filtered,
  pagination,
  onOpen,
  onBulk,
}: {
  rows: InboxRowView[];
  now: Date;
  agents: { id: string; name: string }[];
  /** A search or filter is applied: the empty state says "no match" rather than "all done". */
  filtered: boolean;
  pagination: { hasNext: boolean; hasPrevious: boolean; onNext: () => void; onPrevious: () => void };
  onOpen: (id: string) => void;
  onBulk: (request: BulkRequest) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows);
  const [tagModal, setTagModal] = useState<"addTag" | "removeTag" | null>(null);
  const [mergeOpen, setMergeOpen] = useState(false);

  const run = async (intent: BulkIntent, value: string) => {
    if (await onBulk({ intent, ticketIds: selectedResources, value })) clearSelection();
  };

  const promotedBulkActions = [
    {
      title: t("inbox.bulk.assign"),
      actions: [
        ...agents.map((agent) => ({ content: agent.name, onAction: () => run("assign", agent.id) })),
        { content: t("inbox.bulk.unassign"), onAction: () => run("assign", "") },
      ],
    },
    { title: t("inbox.bulk.setStatus"), actions: TICKET_STATUSES.map((status) => ({ content: t(`status.${status}`), onAction: () => run("status", status) })) },
    {
      title: t("inbox.bulk.setPriority"),
      actions: TICKET_PRIORITIES.map((priority) => ({ content: t(`priority.${priority}`), onAction: () => run("priority", priority) })),
    },
  ];
  const bulkActions = [
    { content: t("inbox.bulk.addTag"), onAction: () => setTagModal("addTag") },
    { content: t("inbox.bulk.removeTag"), onAction: () => setTagModal("removeTag") },
    { content: t("inbox.bulk.merge"), onAction: () => setMergeOpen(true) },
  ];

  const selectedRows = rows.filter((row) => selectedResources.includes(row.id));
  const emptyState = filtered ? (
    <EmptySearchResult title={t("inbox.emptySearch")} description={t("inbox.emptySearchHint")} withIllustration={false} />
  ) : (
    <EmptyState heading={t("inbox.empty")} image="">
      <p>{t("inbox.emptyHint")}</p>
    </EmptyState>
  );

  return (
    <>
      <IndexTable
        resourceName={{ singular: t("inbox.resourceName.singular"), plural: t("inbox.resourceName.plural") }}
        itemCount={rows.length}
        selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
        onSelectionChange={handleSelectionChange}
        promotedBulkActions={promotedBulkActions}
        bulkActions={bulkActions}
        emptyState={emptyState}
        pagination={pagination}
        headings={[
          { title: t("inbox.columns.ticket") },
          { title: t("inbox.columns.customer") },
          { title: t("inbox.columns.subject") },
          { title: t("inbox.columns.channel") },
          { title: t("inbox.columns.priority") },
          { title: t("inbox.columns.status") },
          { title: t("inbox.columns.sla") },
          { title: t("inbox.columns.assignee") },
          { title: t("inbox.columns.order") },
        ]}
      >
        {rows.map((row, index) => (
          <InboxRow key={row.id} row={row} position={index} selected={selectedResources.includes(row.id)} now={now} onOpen={onOpen} />
        ))}
      </IndexTable>
      <TagModal
        mode={tagModal}
        count={selectedResources.length}
        onClose={() => setTagModal(null)}
        onApply={async (value) => {
          if (tagModal) await run(tagModal, value);
          setTagModal(null);
        }}
      />
      <MergeModal
        open={mergeOpen}
        rows={selectedRows}
        onClose={() => setMergeOpen(false)}
        onMerge={async (targetId) => {
          await run("merge", targetId);
          setMergeOpen(false);
        }}
      />
    </>
  );
}
