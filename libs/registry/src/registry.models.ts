import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RegistryProblemCode } from './problem-codes.js';

@ObjectType('RegistryImportProblemParam', {
  description: 'One value of a problem, by name (value, allowed, line, max, limit, codes, suggestions).',
})
export class RegistryImportProblemParamModel {
  @Field({ description: 'Which value this is: value, allowed, line, max, limit, codes or suggestions.' }) name: string;
  @Field({ description: 'Value, as read from the file or as the rule states it.' }) value: string;
}

@ObjectType('RegistryImportProblem', { description: 'Why a row of an imported registry file was rejected.' })
export class RegistryImportProblemModel {
  @Field(() => Int, { description: 'Line of the file (CSV, JSON Lines) or row of the sheet (XLSX); 1 is the header.' }) line: number;
  @Field(() => String, { nullable: true, description: 'Tax code of the row, when it has one.' }) taxCode: string | null;
  @Field({ description: 'Column of the registry format (e.g. processes), or "row" for the whole row.' }) field: string;
  @Field({ description: 'What is wrong, in words a registry keeper can act on (English).' }) reason: string;
  @Field(() => RegistryProblemCode, { description: 'What is wrong, as a stable code to word in any language.' }) code: RegistryProblemCode;
  @Field(() => [RegistryImportProblemParamModel], { description: "The problem's values, by name." })
  params: RegistryImportProblemParamModel[];
}

@ObjectType('RegistryImportSummary', { description: 'What importing a registry file did (or, in a dry run, would do).' })
export class RegistryImportSummaryModel {
  @Field({ description: 'Nothing was written: the counts say what an import would do.' }) dryRun: boolean;
  @Field(() => Int, { description: 'Data rows in the file.' }) total: number;
  @Field(() => Int, { description: 'New suppliers.' }) created: number;
  @Field(() => Int, { description: 'Suppliers that changed (new version, re-indexed).' }) updated: number;
  @Field(() => Int, { description: 'Rows identical to the registry: nothing written.' }) unchanged: number;
  @Field(() => Int, { description: 'Rows not imported; see problems.' }) rejected: number;
  @Field(() => [String], { description: 'Headers that name no registry column; their cells were ignored.' }) unknownColumns: string[];
  @Field(() => [RegistryImportProblemModel], { description: 'One entry per problem of each rejected row (at most 1 000).' })
  problems: RegistryImportProblemModel[];
  @Field({ description: 'More problems than listed.' }) problemsTruncated: boolean;
}
