// The authenticated, embedded layout: App Bridge, Polaris (in the admin's language), the nav menu.
import type { HeadersFunction, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { authenticate } from "../shopify.server";
import { env } from "../env.server";
import { createI18n, polarisTranslations, resolveAdminLocale } from "../i18n/locales";

// polaris-viz styles the report charts; both are static, cached files.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
];

const SHOPIFY_APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const locale = resolveAdminLocale(new URL(request.url).searchParams.get("locale"));
  return {
    apiKey: env.SHOPIFY_API_KEY,
    appBridgeUrl: env.APP_BRIDGE_SCRIPT_URL ?? SHOPIFY_APP_BRIDGE_URL,
    locale,
    polarisI18n: polarisTranslations(locale),
  };
};

// The admin passes `locale` on the document load only: keep the layout's data across client navigations.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod ? defaultShouldRevalidate : false;

export default function AppLayout() {
  const { apiKey, appBridgeUrl, locale, polarisI18n } = useLoaderData<typeof loader>();
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={polarisI18n} __APP_BRIDGE_URL={appBridgeUrl}>
      <I18nextProvider i18n={i18n}>
        <NavMenu>
          <Link to="/app" rel="home">
            {i18n.t("nav.inbox")}
          </Link>
          <Link to="/app/notifications">{i18n.t("nav.notifications")}</Link>
          <Link to="/app/templates">{i18n.t("nav.templates")}</Link>
          <Link to="/app/reports">{i18n.t("nav.reports")}</Link>
          <Link to="/app/storefront">{i18n.t("nav.storefront")}</Link>
          <Link to="/app/settings">{i18n.t("nav.settings")}</Link>
          <Link to="/app/privacy">{i18n.t("nav.privacy")}</Link>
        </NavMenu>
        <Outlet />
      </I18nextProvider>
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses so its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
