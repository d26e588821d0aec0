import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { SourcingModule } from '#libs/sourcing';
import { MatchmakingResolver } from './matchmaking.resolver.js';
import { MatchmakingService } from './matchmaking.service.js';

@Module({ imports: [CompaniesModule, SourcingModule], providers: [MatchmakingService, MatchmakingResolver], exports: [MatchmakingService] })
export class MatchmakingModule {}
