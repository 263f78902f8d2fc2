import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StoredEvent', { description: 'One event a command stored, with its place in the ledger.' })
export class StoredEventModel {
  @Field(() => ID)
  eventId!: string;

  @Field()
  type!: string;

  @Field()
  streamId!: string;

  @Field(() => Int)
  streamVersion!: number;

  @Field(() => Float, { description: 'The position in the ledger\'s global order.' })
  globalPosition!: number;
}

@ObjectType('CommandResult', { description: 'What a mutation stored. A repeated commandId stores nothing new and answers the same.' })
export class CommandResultModel {
  @Field(() => ID, { nullable: true, description: 'The commandId the client sent, if any.' })
  commandId!: string | null;

  @Field()
  streamId!: string;

  @Field(() => [StoredEventModel])
  events!: StoredEventModel[];

  @Field({ description: 'True when this commandId had been applied before: nothing new was stored.' })
  replayed!: boolean;
}
