declare const resultType: unique symbol;
declare const variablesType: unique symbol;

/**
 * A GraphQL document string that carries its result and variables types (phantom properties,
 * never present at runtime), so `client.request(ShopInfoQuery)` is typed without codegen.
 */
export type TypedDocument<TData, TVariables = Record<string, never>> = string & {
  readonly [resultType]?: TData;
  readonly [variablesType]?: TVariables;
};

export type ResultOf<T> = T extends TypedDocument<infer TData, unknown> ? TData : never;
export type VariablesOf<T> = T extends TypedDocument<unknown, infer TVariables> ? TVariables : never;

/** Tags a `/* GraphQL *\/` template literal with its hand-written result and variables types. */
export function adminDocument<TData, TVariables = Record<string, never>>(source: string): TypedDocument<TData, TVariables> {
  return source as TypedDocument<TData, TVariables>;
}
