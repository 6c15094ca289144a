import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";

export default function App() {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="data:," />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

// The last line of defence: say what went wrong (503 bodies carry a clear message) instead of a blank page.
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string" && error.data
      ? error.data
      : error.statusText
    : "Something went wrong on our side. Please try again; if it keeps happening, contact Shopdesk support.";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`Shopdesk: error ${status}`}</title>
        <Meta />
        <Links />
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "3rem auto", maxWidth: 640, lineHeight: 1.5 }}>
        <h1>Shopdesk could not show this page ({status})</h1>
        <p>{message}</p>
        <Scripts />
      </body>
    </html>
  );
}
