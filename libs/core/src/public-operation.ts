import { SetMetadata } from '@nestjs/common';

export const PUBLIC_OPERATION = 'publicOperation';

/**
 * Marks a GraphQL query or mutation that anonymous callers may call. Every other operation answers
 * an anonymous caller UNAUTHENTICATED before its arguments are validated (ActorGuard), so invalid
 * arguments never turn "sign in first" into a field error. What a caller may then see or do is
 * still decided by the services.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_OPERATION, true);
