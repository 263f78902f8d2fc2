import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Field decorators for the inputs of the mutations (contacts, calls, campaigns, processors, the organisation): each
 * declares the GraphQL field and its class-validator rules, with messages naming the field
 * (`$property`) and the rule. The domain checks the same rules again when it decides.
 */

interface FieldOptions {
  description: string;
  /** Optional in the input (null or absent). */
  nullable?: boolean;
}

const COUNTRY = /^[A-Z]{2}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const NOT_BLANK = /\S/;
const DEFAULT_MAX_TEXT = 2000;
const DEFAULT_MAX_ITEMS = 100;

function optionalWhen(nullable: boolean | undefined): PropertyDecorator[] {
  return nullable ? [IsOptional()] : [];
}

export function UuidField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => ID, options),
    ...optionalWhen(options.nullable),
    IsUUID('all', { message: '$property must be a UUID' }),
  );
}

export function TextField(options: FieldOptions & { maxLength?: number }): PropertyDecorator {
  const maxLength = options.maxLength ?? DEFAULT_MAX_TEXT;
  return applyDecorators(
    Field(() => String, { description: options.description, nullable: options.nullable }),
    ...optionalWhen(options.nullable),
    IsString({ message: '$property must be text' }),
    Matches(NOT_BLANK, { message: '$property may not be empty' }),
    MaxLength(maxLength, { message: `$property may be at most ${maxLength} characters` }),
  );
}

export function CountryField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => String, options),
    ...optionalWhen(options.nullable),
    Matches(COUNTRY, { message: '$property must be an ISO 3166-1 alpha-2 country code in capitals, e.g. BE' }),
  );
}

/** A calendar date `YYYY-MM-DD` (agreements, safeguards, trainings). */
export function CalendarDateField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { ...options, description: `${options.description} A date, YYYY-MM-DD.` }),
    ...optionalWhen(options.nullable),
    Matches(CALENDAR_DATE, { message: '$property must be a date YYYY-MM-DD' }),
    // The domain's own check would read 2026-02-30 as 2 March; refuse a day the month does not have.
    IsISO8601({ strict: true }, { message: '$property must be a day of the calendar (no 30 February)' }),
  );
}

/** An instant, as the DateTime scalar (ISO-8601 with an offset). */
export function InstantField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => Date, options),
    ...optionalWhen(options.nullable),
    IsDate({ message: '$property must be a date and time' }),
  );
}

export function WholeNumberField(options: FieldOptions & { min: number }): PropertyDecorator {
  return applyDecorators(
    Field(() => Int, options),
    ...optionalWhen(options.nullable),
    IsInt({ message: '$property must be a whole number' }),
    Min(options.min, { message: `$property must be ${options.min} or more` }),
  );
}

export function BooleanField(options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => Boolean, options),
    ...optionalWhen(options.nullable),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** A string checked against the values the domain takes, listed in the message and the schema. */
export function OneOfField(values: readonly string[], options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { ...options, description: `${options.description} One of ${values.join(', ')}.` }),
    ...optionalWhen(options.nullable),
    IsIn(values, { message: `$property must be one of ${values.join(', ')}` }),
  );
}

interface ListOptions extends FieldOptions {
  /** Refuse an empty list. */
  nonEmpty?: boolean;
  maxItems?: number;
}

function listRules(options: ListOptions): PropertyDecorator[] {
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  return [
    ...optionalWhen(options.nullable),
    IsArray({ message: '$property must be a list' }),
    ...(options.nonEmpty ? [ArrayNotEmpty({ message: '$property must list at least one item' })] : []),
    ArrayMaxSize(maxItems, { message: `$property may list at most ${maxItems} items` }),
  ];
}

export function TextListField(options: ListOptions & { maxLength?: number }): PropertyDecorator {
  const maxLength = options.maxLength ?? DEFAULT_MAX_TEXT;
  return applyDecorators(
    Field(() => [String], { description: options.description, nullable: options.nullable }),
    ...listRules(options),
    IsString({ each: true, message: 'every item of $property must be text' }),
    Matches(NOT_BLANK, { each: true, message: 'no item of $property may be empty' }),
    MaxLength(maxLength, { each: true, message: `every item of $property may be at most ${maxLength} characters` }),
  );
}

export function UuidListField(options: ListOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => [ID], { description: options.description, nullable: options.nullable }),
    ...listRules(options),
    IsUUID('all', { each: true, message: 'every item of $property must be a UUID' }),
  );
}

export function CountryListField(options: ListOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { description: options.description, nullable: options.nullable }),
    ...listRules(options),
    Matches(COUNTRY, { each: true, message: 'every item of $property must be an ISO 3166-1 alpha-2 country code in capitals, e.g. BE' }),
  );
}

/** Phone numbers of the organisation itself (not personal data), in E.164 form. */
export function E164ListField(options: ListOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { description: options.description, nullable: options.nullable }),
    ...listRules(options),
    Matches(E164, { each: true, message: 'every item of $property must be a phone number in E.164 form (+ and 7 to 15 digits)' }),
  );
}

export function OneOfListField(values: readonly string[], options: ListOptions): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { description: `${options.description} Each one of ${values.join(', ')}.`, nullable: options.nullable }),
    ...listRules(options),
    IsIn(values, { each: true, message: `every item of $property must be one of ${values.join(', ')}` }),
  );
}

/** A nested input object, validated with its own rules (class-transformer builds the instance). */
export function NestedField(type: () => ClassType, options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    Field(type, options),
    ...optionalWhen(options.nullable),
    ValidateNested(),
    Type(type),
  );
}

/** What every command input has: when the fact happened in the world (default: now). */
@InputType({ isAbstract: true })
export class OccurredAtInput {
  @InstantField({ nullable: true, description: 'When it happened in the world; absent: now. Not in the future.' })
  occurredAt?: Date | null;
}

/** The command's `occurredAt`, as the domain takes it. */
export function occurredAtOf(input: OccurredAtInput): { occurredAt: string | null } {
  return { occurredAt: instantOrNull(input.occurredAt) };
}

export function instantOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
