import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerRateLimit, PostgresRateLimitCounters } from '#libs/accounts';
import { CompaniesModule } from '#libs/companies';
import { SourcingModule } from '#libs/sourcing';
import { TrackRecordsModule } from '#libs/track-records';
import { DecisionHistoryRepository } from './decision-history.repository.js';
import { MATCH_RATE_LIMIT, MatchmakingResolver } from './matchmaking.resolver.js';
import { MatchmakingService } from './matchmaking.service.js';

/** Matching; `rateLimit` bounds the calls of one caller (matchSuppliers and matchNeeds together). */
@Module({})
export class MatchmakingModule {
  static forRoot(options: { rateLimit: { perUser: number; windowSeconds: number } }): DynamicModule {
    const { perUser, windowSeconds } = options.rateLimit;
    return {
      module: MatchmakingModule,
      imports: [CompaniesModule, SourcingModule, TrackRecordsModule],
      providers: [
        MatchmakingService,
        DecisionHistoryRepository,
        MatchmakingResolver,
        // anonymous callers are refused by the service anyway; their attempts count per address at the same rate
        {
          provide: MATCH_RATE_LIMIT,
          useFactory: (dataSource: DataSource) =>
            new CallerRateLimit(new PostgresRateLimitCounters(dataSource), 'match', { perUser, perAddress: perUser, windowSeconds }),
          inject: [DataSource],
        },
      ],
      exports: [MatchmakingService],
    };
  }
}
