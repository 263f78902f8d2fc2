import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error raised in a resolver, guard or pipe back to Apollo, whose formatError
 * (createFormatError) decides what the client sees. Without it Nest logs each refusal with its
 * stack, and a refusal is not a server fault.
 */
@Catch()
export class PassToGraphqlFilter implements GqlExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): unknown {
    return exception;
  }
}
