import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import type { TestApp } from './test-app.js';

export type OperationKind = 'query' | 'mutation';

export interface SchemaOperation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** The schema the running app serves (the one clients introspect), not the committed schema.gql. */
export function servedSchema(t: TestApp): GraphQLSchema {
  return t.app.get(GraphQLSchemaHost).schema;
}

/** Every root field a client can call: queries and mutations (the API has no subscriptions; if it grows some, they are listed too). */
export function schemaOperations(t: TestApp): SchemaOperation[] {
  const schema = servedSchema(t);
  const roots: [OperationKind | 'subscription', ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ kind: kind as OperationKind, name: field.name, field })),
  );
}
