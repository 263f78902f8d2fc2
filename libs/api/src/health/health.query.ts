import { Query } from '@nestjs/cqrs';
import type { Health } from './health.model';

export class HealthQuery extends Query<Health> {}
