import type * as Admin from "../../types/admin.generated";
import type * as AdminTypes from "../../types/admin.types";
import { adminDocument } from "../typed-document";

export type CurrentAppInstallationResult = Admin.CurrentAppInstallationQuery;

/** The owner id for app-data metafields (read in Liquid as app.metafields.<namespace>.<key>). */
export const CurrentAppInstallationQuery = adminDocument<Admin.CurrentAppInstallationQuery, Admin.CurrentAppInstallationQueryVariables>(/* GraphQL */ `
  query CurrentAppInstallation {
    currentAppInstallation { id app { handle } }
  }
`);

export type AppMetafieldsResult = Admin.AppMetafieldsQuery;
export type AppMetafield = AppMetafieldsResult["currentAppInstallation"]["metafields"]["nodes"][number];

export const AppMetafieldsQuery = adminDocument<Admin.AppMetafieldsQuery, Admin.AppMetafieldsQueryVariables>(/* GraphQL */ `
  query AppMetafields($namespace: String!, $first: Int = 25) {
    currentAppInstallation {
      id
      metafields(first: $first, namespace: $namespace) {
        nodes { id namespace key type value compareDigest updatedAt }
      }
    }
  }
`);

export type MetafieldsSetInput = AdminTypes.MetafieldsSetInput;
export type MetafieldsSetResult = Admin.MetafieldsSetMutation;

/** Shopify accepts at most 25 metafields per metafieldsSet call. */
export const METAFIELDS_SET_LIMIT = 25;

export const MetafieldsSetMutation = adminDocument<Admin.MetafieldsSetMutation, Admin.MetafieldsSetMutationVariables>(/* GraphQL */ `
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id namespace key type value compareDigest updatedAt }
      userErrors { field message code elementIndex }
    }
  }
`);
