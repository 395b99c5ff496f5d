import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import type { Request } from 'express';
import { AuthRateLimiter } from './auth-rate-limiter.js';

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: AuthRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.limiter.spendForAddress(context.switchToHttp().getRequest<Request>().ip);
    return true;
  }
}

/** Sign-in, sign-up, and opening or joining a review link: one attempts budget per client address. */
export const AuthRateLimited = () => applyDecorators(UseGuards(AuthRateLimitGuard));
