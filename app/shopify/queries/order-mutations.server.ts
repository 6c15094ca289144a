import type { UserError } from "../admin-types";
import { adminDocument } from "../typed-document";

export interface TagsAddResult {
  tagsAdd: { node: { id: string } | null; userErrors: UserError[] } | null;
}

/** Adds tags to an Order or Customer without overwriting existing ones (orderUpdate's `tags` overwrites). */
export const TagsAddMutation = adminDocument<TagsAddResult, { id: string; tags: string[] }>(/* GraphQL */ `
  mutation TagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node { id }
      userErrors { field message }
    }
  }
`);

export interface OrderNoteResult {
  order: { id: string; note: string | null; updatedAt: string } | null;
}

/** `orderUpdate(note:)` overwrites, so callers read the note first and append. */
export const OrderNoteQuery = adminDocument<OrderNoteResult, { id: string }>(/* GraphQL */ `
  query OrderNote($id: ID!) {
    order(id: $id) { id note updatedAt }
  }
`);

export interface OrderUpdateNoteResult {
  orderUpdate: { order: { id: string; note: string | null } | null; userErrors: UserError[] } | null;
}

export const OrderUpdateNoteMutation = adminDocument<OrderUpdateNoteResult, { input: { id: string; note: string } }>(/* GraphQL */ `
  mutation OrderUpdateNote($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id note }
      userErrors { field message }
    }
  }
`);

/** Appends a line to an existing note (Shopify notes are plain text). */
export function appendNote(existing: string | null, line: string): string {
  return existing && existing.trim() ? `${existing.trimEnd()}\n${line}` : line;
}
