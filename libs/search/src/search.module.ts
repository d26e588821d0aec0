import { Global, Module, type DynamicModule } from '@nestjs/common';
import { createMeiliClient, Meilisearch, type MeiliSettings } from './meili-client.js';

@Global()
@Module({})
export class SearchModule {
  static forRoot(settings: MeiliSettings): DynamicModule {
    return {
      module: SearchModule,
      providers: [{ provide: Meilisearch, useFactory: () => createMeiliClient(settings) }],
      exports: [Meilisearch],
    };
  }
}
