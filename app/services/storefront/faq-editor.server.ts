// FAQ editor actions: every change is saved, then published to the storefront at once (the widget
// reads app-data metafields, so an unpublished change would not show).
import type { PrismaClient } from "@prisma/client";
import type { AdminClient } from "../../shopify/admin-client.server";
import { deleteFaqGroup, moveFaqGroup, saveFaqGroup, setFaqGroupStatus } from "../../models/faq.server";
import { publishStorefrontData } from "./publish-metafields.server";

export type FaqActionResult =
  | { ok: true; groupKey?: string; published: boolean; publishError: string | null }
  | { ok: false; errors: Record<string, string> };

async function publishAfter(db: PrismaClient, admin: AdminClient, shopId: string, groupKey?: string): Promise<FaqActionResult> {
  const result = await publishStorefrontData(db, admin, shopId);
  const publishError = result.ok ? null : (result.publications.find((publication) => publication.error)?.error ?? "unknown error");
  return { ok: true, groupKey, published: result.ok, publishError };
}

/** Form fields: intent (save | delete | move | status), groupKey, and for save a JSON `group`. */
export async function handleFaqAction(db: PrismaClient, admin: AdminClient, shopId: string, form: FormData): Promise<{ status: number; body: FaqActionResult }> {
  const intent = String(form.get("intent") ?? "");
  const groupKey = String(form.get("groupKey") ?? "") || null;
  switch (intent) {
    case "save": {
      let group: unknown;
      try {
        group = JSON.parse(String(form.get("group") ?? ""));
      } catch {
        return { status: 400, body: { ok: false, errors: { group: "invalid_json" } } };
      }
      const saved = await saveFaqGroup(db, shopId, groupKey, group);
      if (!saved.ok) return { status: saved.errors.groupKey === "not_found" ? 404 : 422, body: saved };
      return { status: 200, body: await publishAfter(db, admin, shopId, saved.groupKey) };
    }
    case "delete":
    case "move":
    case "status": {
      if (!groupKey) return { status: 400, body: { ok: false, errors: { groupKey: "required" } } };
      let changed: boolean;
      if (intent === "delete") changed = (await deleteFaqGroup(db, shopId, groupKey)) > 0;
      else if (intent === "move") changed = await moveFaqGroup(db, shopId, groupKey, form.get("direction") === "up" ? "up" : "down");
      else changed = (await setFaqGroupStatus(db, shopId, groupKey, form.get("status") === "published" ? "published" : "draft")) > 0;
      if (!changed && intent !== "move") return { status: 404, body: { ok: false, errors: { groupKey: "not_found" } } };
      return { status: 200, body: await publishAfter(db, admin, shopId, groupKey) };
    }
    default:
      return { status: 400, body: { ok: false, errors: { intent: "unknown" } } };
  }
}
