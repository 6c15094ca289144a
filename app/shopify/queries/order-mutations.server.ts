import type * as Admin from "../../types/admin.generated";
import { adminDocument } from "../typed-document";

export type TagsAddResult = Admin.TagsAddMutation;

/** Adds tags to an Order or Customer without overwriting existing ones (orderUpdate's `tags` overwrites). */
export const TagsAddMutation = adminDocument<Admin.TagsAddMutation, Admin.TagsAddMutationVariables>(/* GraphQL */ `
  mutation TagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node { id }
      userErrors { field message }
    }
  }
`);

export type OrderNoteResult = Admin.OrderNoteQuery;

/** `orderUpdate(note:)` overwrites, so callers read the note first and append. */
export const OrderNoteQuery = adminDocument<Admin.OrderNoteQuery, Admin.OrderNoteQueryVariables>(/* GraphQL */ `
  query OrderNote($id: ID!) {
    order(id: $id) { id note updatedAt }
  }
`);

export type OrderUpdateNoteResult = Admin.OrderUpdateNoteMutation;

export const OrderUpdateNoteMutation = adminDocument<Admin.OrderUpdateNoteMutation, Admin.OrderUpdateNoteMutationVariables>(/* GraphQL */ `
  mutation OrderUpdateNote($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id note }
      userErrors { field message }
    }
  }
`);

/** Appends a line to an existing note (Shopify notes are plain text). */
export function appendNote(existing: string | null | undefined, line: string): string {
  return existing && existing.trim() ? `${existing.trimEnd()}\n${line}` : line;
}
