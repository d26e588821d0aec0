import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { SourcingModule } from '#libs/sourcing';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [CompaniesModule, SourcingModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoDataModule {}
