import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { ReadinessState } from './readiness-state.js';

@Module({ controllers: [HealthController], providers: [ReadinessState], exports: [ReadinessState] })
export class HealthModule {}
