import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [CompaniesModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoDataModule {}
