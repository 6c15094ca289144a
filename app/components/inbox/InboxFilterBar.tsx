// The inbox's view tabs (with counts), search, filters and sort: Polaris IndexFilters, state in the URL.
import { ChoiceList, IndexFilters, InlineStack, TextField, useSetIndexFiltersMode, type IndexFiltersProps } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  EMPTY_FILTERS,
  INBOX_VIEWS,
  SLA_FILTER_STATES,
  type InboxFilters,
  type InboxQuery,
  type InboxSortKey,
  type SortDirection,
} from "../../domain/inbox-filters";
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SEVERITIES, TICKET_STATUSES } from "../../domain/ticket-fields";

export type InboxQueryState = Omit<InboxQuery, "cursor">;

type ListFilterKey = "statuses" | "priorities" | "severities" | "categories" | "channels" | "assignees" | "slaStates";

const SEARCH_DEBOUNCE_MS = 300;

export function InboxFilterBar({
  query,
  counts,
  agents,
  onChange,
  loading,
}: {
  query: InboxQueryState;
  counts: Record<string, number>;
  agents: { id: string; name: string }[];
  onChange: (next: InboxQueryState, options?: { replace?: boolean }) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const { mode, setMode } = useSetIndexFiltersMode();
  const [search, setSearch] = useState(query.search);
  const [tagText, setTagText] = useState(query.filters.tags.join(", "));
  const latest = useRef({ query, onChange });
  latest.current = { query, onChange };

  // Typing searches after a pause, replacing the history entry so "back" skips the keystrokes.
  useEffect(() => {
    if (search.trim() === latest.current.query.search) return;
    const timer = setTimeout(() => latest.current.onChange({ ...latest.current.query, search: search.trim() }, { replace: true }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  useEffect(() => setSearch(query.search), [query.search]);
  useEffect(() => setTagText(query.filters.tags.join(", ")), [query.filters.tags]);

  const setFilters = (filters: Partial<InboxFilters>) => onChange({ ...query, filters: { ...query.filters, ...filters } });

  const tabs = INBOX_VIEWS.map((view) => ({
    id: `inbox-view-${view}`,
    content: t(`inbox.views.${view}`),
    badge: String(counts[view] ?? 0),
  }));

  const agentChoices = [
    { label: t("inbox.filters.me"), value: "me" },
    { label: t("inbox.unassigned"), value: "unassigned" },
    ...agents.map((agent) => ({ label: agent.name, value: agent.id })),
  ];
  const choiceFilters: { key: ListFilterKey; label: string; choices: { label: string; value: string }[]; pinned?: boolean }[] = [
    { key: "statuses", label: t("inbox.filters.status"), choices: TICKET_STATUSES.map((value) => ({ label: t(`status.${value}`), value })), pinned: true },
    { key: "priorities", label: t("inbox.filters.priority"), choices: TICKET_PRIORITIES.map((value) => ({ label: t(`priority.${value}`), value })), pinned: true },
    { key: "severities", label: t("inbox.filters.severity"), choices: TICKET_SEVERITIES.map((value) => ({ label: value, value })) },
    { key: "categories", label: t("inbox.filters.category"), choices: TICKET_CATEGORIES.map((value) => ({ label: t(`inbox.category.${value}`), value })) },
    { key: "channels", label: t("inbox.filters.channel"), choices: TICKET_CHANNELS.map((value) => ({ label: t(`channel.${value}`), value })) },
    { key: "assignees", label: t("inbox.filters.assignee"), choices: agentChoices, pinned: true },
    { key: "slaStates", label: t("inbox.filters.sla"), choices: SLA_FILTER_STATES.map((value) => ({ label: t(`inbox.slaState.${value}`), value })), pinned: true },
  ];

  const filters: IndexFiltersProps["filters"] = [
    ...choiceFilters.map((filter) => ({
      key: filter.key,
      label: filter.label,
      pinned: filter.pinned,
      filter: (
        <ChoiceList
          title={filter.label}
          titleHidden
          allowMultiple
          choices={filter.choices}
          selected={query.filters[filter.key] as string[]}
          onChange={(selected) => setFilters({ [filter.key]: selected })}
        />
      ),
    })),
    {
      key: "tags",
      label: t("inbox.filters.tag"),
      filter: (
        <TextField
          label={t("inbox.filters.tag")}
          labelHidden
          autoComplete="off"
          helpText={t("inbox.filters.tagHint")}
          value={tagText}
          onChange={setTagText}
          onBlur={() => setFilters({ tags: splitTags(tagText) })}
        />
      ),
    },
    {
      key: "created",
      label: t("inbox.filters.created"),
      filter: (
        <InlineStack gap="200">
          <TextField label={t("inbox.filters.createdFrom")} type="date" autoComplete="off" value={query.filters.createdFrom ?? ""} onChange={(value) => setFilters({ createdFrom: value || null })} />
          <TextField label={t("inbox.filters.createdTo")} type="date" autoComplete="off" value={query.filters.createdTo ?? ""} onChange={(value) => setFilters({ createdTo: value || null })} />
        </InlineStack>
      ),
    },
  ];

  const appliedFilters: IndexFiltersProps["appliedFilters"] = [
    ...choiceFilters
      .filter((filter) => query.filters[filter.key].length > 0)
      .map((filter) => ({
        key: filter.key,
        label: t("inbox.filters.applied", {
          label: filter.label,
          values: (query.filters[filter.key] as string[]).map((value) => filter.choices.find((choice) => choice.value === value)?.label ?? value).join(", "),
        }),
        onRemove: () => setFilters({ [filter.key]: [] }),
      })),
    ...(query.filters.tags.length > 0
      ? [{ key: "tags", label: t("inbox.filters.applied", { label: t("inbox.filters.tag"), values: query.filters.tags.join(", ") }), onRemove: () => setFilters({ tags: [] }) }]
      : []),
    ...(query.filters.createdFrom || query.filters.createdTo
      ? [
          {
            key: "created",
            label: t("inbox.filters.createdRange", { from: query.filters.createdFrom ?? t("inbox.filters.anyDate"), to: query.filters.createdTo ?? t("inbox.filters.anyDate") }),
            onRemove: () => setFilters({ createdFrom: null, createdTo: null }),
          },
        ]
      : []),
  ];

  const sortOptions: IndexFiltersProps["sortOptions"] = [
    { label: t("inbox.sort.sla_due"), value: "sla_due asc", directionLabel: t("inbox.sort.soonestFirst") },
    { label: t("inbox.sort.last_activity"), value: "last_activity desc", directionLabel: t("inbox.sort.newestFirst") },
    { label: t("inbox.sort.last_activity"), value: "last_activity asc", directionLabel: t("inbox.sort.oldestFirst") },
    { label: t("inbox.sort.priority"), value: "priority asc", directionLabel: t("inbox.sort.urgentFirst") },
    { label: t("inbox.sort.created"), value: "created desc", directionLabel: t("inbox.sort.newestFirst") },
    { label: t("inbox.sort.created"), value: "created asc", directionLabel: t("inbox.sort.oldestFirst") },
  ];

  return (
    <IndexFilters
      tabs={tabs}
      selected={Math.max(0, INBOX_VIEWS.indexOf(query.view))}
      onSelect={(index) => onChange({ ...query, view: INBOX_VIEWS[index] ?? "all" })}
      canCreateNewView={false}
      queryValue={search}
      queryPlaceholder={t("inbox.searchPlaceholder")}
      onQueryChange={setSearch}
      onQueryClear={() => {
        setSearch("");
        onChange({ ...query, search: "" });
      }}
      sortOptions={sortOptions}
      sortSelected={[`${query.sort} ${query.direction}`]}
      onSort={([value]) => {
        const [sort, direction] = (value ?? "sla_due asc").split(" ") as [InboxSortKey, SortDirection];
        onChange({ ...query, sort, direction });
      }}
      filters={filters}
      appliedFilters={appliedFilters}
      onClearAll={() => onChange({ ...query, filters: EMPTY_FILTERS })}
      mode={mode}
      setMode={setMode}
      loading={loading}
    />
  );
}

function splitTags(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim()).filter(Boolean))];
}
