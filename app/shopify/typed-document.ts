declare const resultType: unique symbol;
declare const variablesType: unique symbol;

/**
 * A GraphQL document string that carries its result and variables types (phantom properties,
 * never present at runtime), so `client.request(ShopInfoQuery)` is typed by the string itself.
 */
export type TypedDocument<TData, TVariables = Record<string, never>> = string & {
  readonly [resultType]?: TData;
  readonly [variablesType]?: TVariables;
};

export type ResultOf<T> = T extends TypedDocument<infer TData, unknown> ? TData : never;
export type VariablesOf<T> = T extends TypedDocument<unknown, infer TVariables> ? TVariables : never;

/**
 * Tags a `/* GraphQL *\/` template literal with its result and variables types: the pair that
 * `npm run graphql-codegen` generates for the NAMED operation in it, e.g.
 * `adminDocument<Admin.ShopInfoQuery, Admin.ShopInfoQueryVariables>(...)` with
 * `import type * as Admin from "~/types/admin.generated"` (app/types/admin.generated.d.ts).
 */
export function adminDocument<TData, TVariables = Record<string, never>>(source: string): TypedDocument<TData, TVariables> {
  return source as TypedDocument<TData, TVariables>;
}
