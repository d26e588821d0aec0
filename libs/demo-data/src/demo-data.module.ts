import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { IntroductionsModule } from '#libs/introductions';
import { SourcingModule } from '#libs/sourcing';
import { TrackRecordsModule } from '#libs/track-records';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [CompaniesModule, SourcingModule, TrackRecordsModule, IntroductionsModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
