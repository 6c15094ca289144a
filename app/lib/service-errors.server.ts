// Turns infrastructure failures into a 503 response that says what is wrong, instead of Remix's
// generic "Unexpected Server Error" (which hides messages in production).
import { AdminApiError } from "../shopify/admin-client.server";

const DATABASE_FAILURE = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|Can't reach database|database .* does not exist|SQLITE_CANTOPEN|SQLITE_BUSY|too many clients|Connection terminated/i;

export function describeServiceFailure(error: unknown): string | null {
  if (error instanceof AdminApiError) return `Shopify's Admin API is unavailable (${error.kind}): ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  if (DATABASE_FAILURE.test(message)) return `Shopdesk cannot reach its database: ${message.split("\n")[0]}`;
  return null;
}

/** Runs a loader body; known infrastructure failures become a 503 with a clear message. */
export async function withServiceErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) throw error;
    const description = describeServiceFailure(error);
    if (!description) throw error;
    console.warn(`[shopdesk] ${description}`);
    throw new Response(description, { status: 503, statusText: "Service Unavailable" });
  }
}
