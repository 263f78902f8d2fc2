import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CommandResultModel } from '../command-result.model';

@ObjectType('UnreadDncLine', { description: 'An entry that holds no valid number: its place (1-based), never its content.' })
export class UnreadDncLineModel {
  @Field(() => Int)
  line!: number;

  @Field()
  reason!: string;
}

@ObjectType('DncSnapshotImport', { description: 'What a DNC snapshot import stored: keyed hashes, their count and digest.' })
export class DncSnapshotImportModel {
  @Field()
  registry!: string;

  @Field()
  version!: string;

  @Field(() => Int, { description: 'Distinct numbers stored, as keyed hashes.' })
  count!: number;

  @Field({ description: 'SHA-256 over the sorted keyed hashes, as recorded in DncSnapshotImported.' })
  digest!: string;

  @Field(() => [UnreadDncLineModel])
  unreadLines!: UnreadDncLineModel[];

  @Field({ description: 'True when this exact snapshot had been imported before: nothing new was stored.' })
  alreadyImported!: boolean;

  @Field(() => CommandResultModel)
  result!: CommandResultModel;
}
