import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An API key as stored: never its secret.' })
export class ApiKey {
  @Field(() => ID)
  keyId!: string;

  @Field({ description: 'admin, compliance, processor, dialer or analyst' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'The one processor a processor or dialer key acts for.' })
  processorId!: string | null;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A new key. `key` is shown this once and cannot be recovered.' })
export class CreatedApiKey {
  @Field({ description: 'Send as `Authorization: Bearer <key>`.' })
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}
