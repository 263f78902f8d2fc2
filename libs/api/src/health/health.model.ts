import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How far a projection (read models) is behind the store.' })
export class ProjectionLagModel {
  @Field()
  projection!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Float, { description: 'The global position of the last event applied.' })
  checkpoint!: number;

  @Field(() => Float, { description: 'The head position minus the checkpoint: events not yet in the read models.' })
  lag!: number;
}

@ObjectType({ description: 'The running ledger: which store it writes to and how far it is. No secrets.' })
export class Health {
  @Field({ description: 'pglite (embedded), postgres or eventstoredb' })
  storeKind!: string;

  @Field(() => Float, { description: 'The global position of the last readable event (0 when empty).' })
  headPosition!: number;

  @Field({ description: 'The data folder, or the server address without credentials.' })
  dataLocation!: string;

  @Field({ description: 'The calltrail version.' })
  version!: string;

  @Field(() => [ProjectionLagModel], { description: 'Each projection\'s checkpoint and lag behind the head.' })
  projections!: ProjectionLagModel[];
}
