import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type MaybeActor, requireAdmin } from '#libs/accounts';
import { SuppliersService } from '#libs/companies';
import { ValidationFailed } from '#libs/core';
import { Taxonomy } from '#libs/taxonomy';
import { readRegistryFile, UnusableFile } from './read-file.js';
import { RegistryImporter } from './registry-importer.js';
import { classifyProblem } from './problem-codes.js';
import type { RegistryImportSummaryModel } from './registry.models.js';

/** An uploaded file as graphql-upload-minimal hands it over. */
export interface UploadedFile {
  filename: string;
  createReadStream(): NodeJS.ReadableStream;
}

const MAX_PROBLEMS = 1000;

/** The registry import for the API: ADMIN only, the same importer as `npm run import`. */
@Injectable()
export class RegistryService {
  private readonly importer: RegistryImporter;

  constructor(dataSource: DataSource, taxonomy: Taxonomy, suppliers: SuppliersService) {
    this.importer = new RegistryImporter(dataSource, taxonomy, (input) => suppliers.problemsOf(input));
  }

  async importFile(actor: MaybeActor, upload: Promise<UploadedFile>, dryRun: boolean): Promise<RegistryImportSummaryModel> {
    const admin = requireAdmin(actor);
    const file = await upload;
    let content: Buffer;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of file.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
      content = Buffer.concat(chunks);
    } catch (error) {
      // graphql-upload-minimal fails the stream when the file is over IMPORT_UPLOAD_LIMIT.
      throw ValidationFailed.of('file', (error as Error).message);
    }
    let source;
    try {
      source = await readRegistryFile(content, file.filename);
    } catch (error) {
      if (error instanceof UnusableFile) throw ValidationFailed.of('file', error.message);
      throw error;
    }
    const result = await this.importer.run(source, { dryRun, importedBy: admin.userId });
    const problems = result.rows.flatMap((row) =>
      row.problems.map((p) => ({ line: row.line, taxCode: row.taxCode, field: p.field, reason: p.reason, ...classifyProblem(p.reason) })),
    );
    return {
      dryRun: result.dryRun,
      total: result.total,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected,
      unknownColumns: result.unknownHeaders,
      problems: problems.slice(0, MAX_PROBLEMS),
      problemsTruncated: problems.length > MAX_PROBLEMS,
    };
  }
}
