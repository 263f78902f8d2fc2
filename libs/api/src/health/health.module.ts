import { Module } from '@nestjs/common';
import { HealthHandler } from './health.handler';
import { HealthResolver } from './health.resolver';

@Module({ providers: [HealthResolver, HealthHandler] })
export class HealthModule {}
