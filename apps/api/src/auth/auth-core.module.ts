import { Module } from '@nestjs/common';
import { AuthService } from './auth.service.js';
import { AuthRateLimitGuard } from './rate-limit/auth-rate-limit.guard.js';
import { AuthRateLimiter } from './rate-limit/auth-rate-limiter.js';

/** Who is signed in: for contexts that need sessions without the sign-in routes (and the media worker). */
@Module({
  providers: [AuthService, AuthRateLimiter, AuthRateLimitGuard],
  exports: [AuthService, AuthRateLimiter, AuthRateLimitGuard],
})
export class AuthCoreModule {}
