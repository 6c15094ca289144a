// Opened outside the admin: with ?shop= go to the app (Shopify bounces it into the admin), else explain.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
};

export default function Landing() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", lineHeight: 1.5 }}>
      <h1>Shopdesk</h1>
      <p>Customer support inside your Shopify admin: every ticket with the order, tracking and stock in front of you, and every response-time promise kept.</p>
      <p>
        Open Shopdesk from your Shopify admin, or <Link to="/auth/login">log in with your shop domain</Link>.
      </p>
    </main>
  );
}
