import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CtmReportQuery, ctmChartSvg, ctmCsv, ctmMarkdown, type CtmReport } from '@calltrail/reports';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { asReportInput } from '../report-errors';
import { CtmReportArgs } from './ctm-report.args';
import { CtmReportModel } from './ctm-report.model';

function toModel(report: CtmReport): CtmReportModel {
  return {
    ...report,
    from: new Date(report.from),
    to: new Date(report.to),
    generatedAt: new Date(report.generatedAt),
    markdown: ctmMarkdown(report),
    csv: ctmCsv(report),
    svg: ctmChartSvg(report),
  };
}

@Resolver(() => CtmReportModel)
export class CtmReportResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => CtmReportModel, {
    description:
      'The CTM report: per bucket of months since the last purchase in the product category, people called, calls, answered, conversions, objections, complaints and their rates per answered call. Analyst keys may run it.',
  })
  @RequirePermission('reports.read')
  async ctmReport(@Args() args: CtmReportArgs): Promise<CtmReportModel> {
    return toModel(await asReportInput(() => this.queryBus.execute(new CtmReportQuery(args))));
  }
}
