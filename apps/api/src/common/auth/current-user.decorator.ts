import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';

export type RequestWithUser = { user?: AuthenticatedUser };

/** The signed-in caller, as set by the session guard. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new Error('CurrentUser used on a route without the session guard');
    return user;
  },
);
