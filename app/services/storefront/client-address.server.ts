// The storefront visitor's address for rate limits. Shopify's app proxy forwards it in
// X-Forwarded-For (the first entry); without it, fall back to the peer's address header, then a
// shared bucket (which only makes limits stricter, never bypassable by omission).
export function clientAddressOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = request.headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : "unknown";
}
