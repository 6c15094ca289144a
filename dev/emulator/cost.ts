import {
  Kind,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export const MAX_SINGLE_QUERY_COST = 1000;
const MUTATION_COST = 10;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE: return variables[node.name.value];
    case Kind.INT: return Number(node.value);
    case Kind.LIST: return node.values.map((value) => argumentValue(value, variables));
    default: return undefined;
  }
}

function argument(field: FieldNode, name: string, context: CostContext): unknown {
  return argumentValue(field.arguments?.find((arg) => arg.name.value === name)?.value, context.variables);
}

function selectionCost(selectionSet: SelectionSetNode | undefined, parentType: GraphQLCompositeType, context: CostContext): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__") || isUnionType(parentType)) continue;
      const definition = parentType.getFields()[selection.name.value];
      if (definition) total += fieldCost(selection, definition.type, context);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : context.fragments.get(selection.name.value);
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName ? context.schema.getType(typeName) : parentType;
      // Fragments on different concrete types are alternatives; summing them slightly overestimates, which is safe.
      if (type && (isObjectType(type) || isInterfaceType(type) || isUnionType(type))) total += selectionCost(fragment.selectionSet, type, context);
    }
  }
  return total;
}

/** Cost of one node inside a connection: taken from `nodes { … }` or `edges { node { … } }`. */
function connectionNodeCost(field: FieldNode, connectionType: GraphQLCompositeType, context: CostContext): number {
  if (!isObjectType(connectionType) || !field.selectionSet) return 1;
  let nodeCost = 1;
  for (const selection of field.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const definition = connectionType.getFields()[selection.name.value];
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (selection.name.value === "nodes" && !isLeafType(named)) {
      nodeCost = Math.max(nodeCost, 1 + selectionCost(selection.selectionSet, named as GraphQLCompositeType, context));
    } else if (selection.name.value === "edges" && isObjectType(named)) {
      const edgeNode = selection.selectionSet?.selections.find((inner): inner is FieldNode => inner.kind === Kind.FIELD && inner.name.value === "node");
      const nodeType = named.getFields().node?.type;
      if (edgeNode && nodeType) nodeCost = Math.max(nodeCost, 1 + selectionCost(edgeNode.selectionSet, getNamedType(nodeType) as GraphQLCompositeType, context));
    }
  }
  return nodeCost;
}

function fieldCost(field: FieldNode, type: Parameters<typeof getNamedType>[0], context: CostContext): number {
  const named = getNamedType(type);
  if (isLeafType(named)) return 0; // scalars and enums are free
  const composite = named as GraphQLCompositeType;
  const first = argument(field, "first", context) ?? argument(field, "last", context);
  const pageSize = typeof first === "number" ? first : 1;
  if (composite.name.endsWith("Connection")) return 2 + pageSize * connectionNodeCost(field, composite, context);
  const childCost = 1 + selectionCost(field.selectionSet, composite, context);
  if (isListType(getNullableType(type))) {
    const ids = argument(field, "ids", context);
    const count = Array.isArray(ids) ? ids.length : pageSize;
    return Math.max(1, count) * childCost;
  }
  return childCost;
}

/** Requested (worst-case) cost, roughly Shopify's model: objects 1, connections 2 + first × node, mutations 10. */
export function requestedQueryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const context: CostContext = { schema, fragments, variables };
  if (operation.operation === "mutation") {
    return operation.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD && !selection.name.value.startsWith("__")).length * MUTATION_COST;
  }
  const root = schema.getQueryType();
  return root ? selectionCost(operation.selectionSet, root, context) : 0;
}

/** Actual cost: objects actually returned (capped by the requested cost), like Shopify's refund of unused points. */
export function actualQueryCost(data: unknown, requested: number, isMutation: boolean): number {
  if (isMutation) return requested;
  let objects = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      objects += 1;
      Object.values(value).forEach(visit);
    }
  };
  if (data && typeof data === "object") Object.values(data).forEach(visit);
  return Math.min(requested, objects);
}

/** Leaky bucket per emulator instance: drains by cost, refills at restoreRate points per second. */
export class LeakyBucket {
  private available: number;
  private lastRefillMs: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    private readonly nowMs: () => number = () => Date.now(),
  ) {
    this.available = maximumAvailable;
    this.lastRefillMs = nowMs();
  }

  private refill(): void {
    const now = this.nowMs();
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.lastRefillMs) / 1000) * this.restoreRate);
    this.lastRefillMs = now;
  }

  currentlyAvailable(): number {
    this.refill();
    return Math.floor(this.available);
  }

  /** Reserves `cost` points; false (and nothing taken) when the bucket lacks them. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  reset(): void {
    this.available = this.maximumAvailable;
    this.lastRefillMs = this.nowMs();
  }

  status(): ThrottleStatus {
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: this.currentlyAvailable(), restoreRate: this.restoreRate };
  }
}
