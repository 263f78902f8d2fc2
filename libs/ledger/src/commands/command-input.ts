import type {
  CompleteErasure,
  ContactPhone,
  DialledLine,
  DomainCommand,
  RecordCallAttempt,
  RectifyContactDetails,
  RegisterContact,
} from '@calltrail/domain';

/** A phone as a client sends it: the number as typed; the ledger normalises it and computes its hash. */
export type PhoneInput = Omit<ContactPhone, 'phoneHash'> & { phoneHash?: string };

/** The line dialled as a client sends it: the number (international form), or its keyed hash. */
export type DialledLineInput = Pick<DialledLine, 'lineType'> & { number?: string; phoneHash?: string };

/**
 * A domain command as it reaches the pipeline: like `DomainCommand`, except that phone numbers
 * may come as typed and without their keyed hash (`phoneHash`), which only the ledger can compute,
 * and an erasure needs no key id.
 * Every `DomainCommand` is a `CommandInput`.
 */
export type CommandInput =
  | Exclude<DomainCommand, RegisterContact | RectifyContactDetails | RecordCallAttempt | CompleteErasure>
  // The ledger names the key it destroys: a keyId given by the caller is not used.
  | (Omit<CompleteErasure, 'keyId'> & { keyId?: string })
  | (Omit<RegisterContact, 'phones'> & { phones: PhoneInput[] })
  | (Omit<RectifyContactDetails, 'phones'> & { phones?: PhoneInput[] })
  | (Omit<RecordCallAttempt, 'dialled'> & { dialled: DialledLineInput });

/** JSON-clean copy: Dates become ISO strings, undefined fields and class prototypes are dropped. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .map(([key, field]) => [key, plain(field)]),
    );
  }
  return value;
}

/**
 * The command a validated API input stands for: `{ type, ...fields }`, with every DateTime given
 * as an ISO-8601 string, as the domain takes it. One conversion for every mutation.
 */
export function commandFromInput<T extends CommandInput['type']>(
  type: T,
  input: object,
): Extract<CommandInput, { type: T }> {
  return { ...(plain(input) as object), type } as Extract<CommandInput, { type: T }>;
}
