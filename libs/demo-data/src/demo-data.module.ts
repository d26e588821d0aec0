import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { SourcingModule } from '#libs/sourcing';
import { TrackRecordsModule } from '#libs/track-records';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [CompaniesModule, SourcingModule, TrackRecordsModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoDataModule {}
