import { Module } from '@nestjs/common';
import { BuyerRepository } from './buyer.repository.js';
import { BuyersService } from './buyers.service.js';
import { BuyerResolver, SupplierResolver, TaxonomyRefResolver } from './company.resolvers.js';
import { SupplierRepository } from './supplier.repository.js';
import { SuppliersService } from './suppliers.service.js';

@Module({
  providers: [SupplierRepository, SuppliersService, SupplierResolver, BuyerRepository, BuyersService, BuyerResolver, TaxonomyRefResolver],
  exports: [SuppliersService, BuyersService, SupplierRepository, BuyerRepository],
})
export class CompaniesModule {}
