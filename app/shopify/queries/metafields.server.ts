import type { UserError } from "../admin-types";
import { adminDocument } from "../typed-document";

export interface CurrentAppInstallationResult {
  currentAppInstallation: { id: string; app: { handle: string | null } };
}

/** The owner id for app-data metafields (read in Liquid as app.metafields.<namespace>.<key>). */
export const CurrentAppInstallationQuery = adminDocument<CurrentAppInstallationResult>(/* GraphQL */ `
  query CurrentAppInstallation {
    currentAppInstallation { id app { handle } }
  }
`);

export interface AppMetafield {
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  compareDigest: string;
  updatedAt: string;
}

export interface AppMetafieldsResult {
  currentAppInstallation: { id: string; metafields: { nodes: AppMetafield[] } };
}

export const AppMetafieldsQuery = adminDocument<AppMetafieldsResult, { namespace: string; first?: number }>(/* GraphQL */ `
  query AppMetafields($namespace: String!, $first: Int = 25) {
    currentAppInstallation {
      id
      metafields(first: $first, namespace: $namespace) {
        nodes { id namespace key type value compareDigest updatedAt }
      }
    }
  }
`);

export interface MetafieldsSetInput {
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  compareDigest?: string | null;
}

export interface MetafieldsSetResult {
  metafieldsSet: {
    metafields: AppMetafield[] | null;
    userErrors: (UserError & { code: string | null; elementIndex: number | null })[];
  } | null;
}

/** Shopify accepts at most 25 metafields per metafieldsSet call. */
export const METAFIELDS_SET_LIMIT = 25;

export const MetafieldsSetMutation = adminDocument<MetafieldsSetResult, { metafields: MetafieldsSetInput[] }>(/* GraphQL */ `
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id namespace key type value compareDigest updatedAt }
      userErrors { field message code elementIndex }
    }
  }
`);
