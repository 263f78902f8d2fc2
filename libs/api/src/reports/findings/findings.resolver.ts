import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { FindingsQuery, type Finding, type FindingsReport } from '@calltrail/reports';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { asReportInput } from '../report-errors';
import { FindingsReportModel, type FindingModel } from './finding.model';
import { FindingsFilterInput, type FindingStatus } from './findings-filter.input';

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

function finding(found: Finding): FindingModel {
  return {
    ...found,
    status: found.status as FindingStatus,
    occurredAt: new Date(found.occurredAt),
    dueAt: date(found.dueAt),
    foundAt: new Date(found.foundAt),
    resolvedAt: date(found.resolvedAt),
    details: JSON.stringify(found.details),
  };
}

function toModel(report: FindingsReport): FindingsReportModel {
  return { ...report, asOf: new Date(report.asOf), findings: report.findings.map(finding) };
}

@Resolver(() => FindingsReportModel)
export class FindingsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => FindingsReportModel, {
    description: 'The findings kept by the findings projection, as of a moment (default now): open, and resolved with when and by which event.',
  })
  @RequirePermission('reports.read')
  async findings(
    @Args('filter', { type: () => FindingsFilterInput, nullable: true }) filter?: FindingsFilterInput | null,
    @Args('asOf', { type: () => Date, nullable: true, description: 'The moment deadlines are judged against; absent: now.' }) asOf?: Date | null,
  ): Promise<FindingsReportModel> {
    const report = await asReportInput(() => this.queryBus.execute(new FindingsQuery(filter ?? {}, asOf ?? new Date())));
    return toModel(report);
  }
}
