// The demo shop's credentials: development only, shared by the seed, the local stand-in and the tests.
export const DEMO_SHOP_DOMAIN = "shopdesk-demo.myshopify.com";
export const DEMO_API_KEY = "shopdesk-demo-key";
export const DEMO_API_SECRET = "shopdesk-demo-secret";
export const DEMO_ACCESS_TOKEN = "shpat_shopdesk_demo_offline_token";
export const DEMO_SCOPES =
  "read_customers,read_orders,read_all_orders,write_orders,read_fulfillments,read_inventory,read_products,write_app_proxy";

export const DEMO_AGENTS = [
  { shopifyStaffId: "90001", name: "Mei Chen", email: "mei@shopdesk-demo.example", locale: "zh-CN", role: "supervisor" },
  { shopifyStaffId: "90002", name: "Sam Rivera", email: "sam@shopdesk-demo.example", locale: "en", role: "agent" },
  { shopifyStaffId: "90003", name: "Aiko Tanaka", email: "aiko@shopdesk-demo.example", locale: "en", role: "agent", availability: "away" },
] as const;
