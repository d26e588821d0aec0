import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLUpload } from 'graphql-upload-minimal';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { RegistryImportSummaryModel } from './registry.models.js';
import { RegistryService, type UploadedFile } from './registry.service.js';

@Resolver()
export class RegistryResolver {
  constructor(private readonly registry: RegistryService) {}

  @Mutation(() => RegistryImportSummaryModel, {
    description:
      'ADMIN only: import the supplier registry from an uploaded CSV, XLSX or JSON Lines file (see README "Importing the supplier registry"), upserting by tax code. ' +
      'Send it as a GraphQL multipart request with the header `apollo-require-preflight: true`; at most IMPORT_UPLOAD_LIMIT.',
  })
  importSupplierRegistry(
    // Typed unknown so that the validation pipe leaves the upload promise alone.
    @Args({ name: 'file', type: () => GraphQLUpload, description: "The registry file; its name's extension gives the format." })
    file: unknown,
    @Args({ name: 'dryRun', defaultValue: false, description: 'Check and count only; write nothing.' }) dryRun: boolean,
    @CurrentActor() actor: MaybeActor,
  ): Promise<RegistryImportSummaryModel> {
    return this.registry.importFile(actor, file as Promise<UploadedFile>, dryRun);
  }
}
