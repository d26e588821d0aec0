import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountsModule } from '#libs/accounts';
import { AnalyticsModule } from '#libs/analytics';
import { CompaniesModule, SupplierClaimsModule, withPlainTaxonomyLabels } from '#libs/companies';
import { ConfigModule } from '#libs/config';
import { DemoDataModule } from '#libs/demo-data';
import { HealthModule } from '#libs/health';
import { RegistryModule } from '#libs/registry';
import { SourcingModule } from '#libs/sourcing';
import { IntroductionsModule } from '#libs/introductions';
import { MatchmakingModule } from '#libs/matchmaking';
import { UpgradesModule } from '#libs/upgrades';
import { databaseModule, type Runtime, searchModule } from '#libs/platform';
import { Taxonomy, TaxonomyModule } from '#libs/taxonomy';
import { TrackRecordsModule } from '#libs/track-records';
import { GraphqlExceptionFilter } from './graphql-exception.filter.js';
import { graphqlErrorFormatter, retryStatusPlugin } from './graphql-errors.js';
import { operationLimitsPlugin } from './graphql-limits.js';
import { InputValidationPipe } from './input-validation.pipe.js';

/** The GraphQL API, composed from the capability libs. */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config } = runtime;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        databaseModule(runtime, {
          applicationName: 'hp-api',
          poolSize: config.DB_POOL_SIZE,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
        }),
        searchModule(runtime, { runWorker: config.SEARCH_WORKER_IN_PROCESS }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !config.isProduction,
          playground: false,
          // Abuse limits (README, "Abuse limits"): the parser stops past maxTokens; depth, aliases and
          // cost are checked once the operation and its variables are known; one operation per request.
          parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
          allowBatchedHttpRequests: false,
          plugins: [
            // No HTTP cache hints are used: the cache-control plugin only wrapped every field resolver.
            ApolloServerPluginCacheControlDisabled(),
            config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
            operationLimitsPlugin({
              maxDepth: config.GRAPHQL_MAX_DEPTH,
              maxCost: config.GRAPHQL_MAX_COST,
              maxAliases: config.GRAPHQL_MAX_ALIASES,
            }),
            retryStatusPlugin(),
          ],
          // Nest would reset every answer that has `data` to HTTP 200, hiding RATE_LIMITED's 429.
          preserveHttpStatusForExecutionErrors: false,
          includeStacktraceInErrorResponses: false,
          formatError: graphqlErrorFormatter({ hideSuggestions: config.isProduction }),
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          // TaxonomyRef.label without Nest's resolver pipeline: searches resolve it ~100 times each.
          transformSchema: (schema) => withPlainTaxonomyLabels(schema, Taxonomy.load()),
        }),
        TaxonomyModule,
        AccountsModule,
        CompaniesModule,
        SupplierClaimsModule.forRoot({
          codeTtlDays: config.CLAIM_CODE_TTL_DAYS,
          perUser: config.CLAIM_MAX_PER_USER,
          perAddress: config.CLAIM_MAX_PER_ADDRESS,
          windowSeconds: config.CLAIM_WINDOW_SECONDS,
        }),
        RegistryModule,
        SourcingModule,
        IntroductionsModule,
        TrackRecordsModule,
        MatchmakingModule.forRoot({ rateLimit: { perUser: config.MATCH_MAX_PER_USER, windowSeconds: config.SEARCH_WINDOW_SECONDS } }),
        UpgradesModule,
        AnalyticsModule.forRoot({ refreshMinutes: config.SEARCH_WORKER_IN_PROCESS ? config.ANALYTICS_REFRESH_MINUTES : 0 }),
        HealthModule,
        DemoDataModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
      ],
    };
  }
}
