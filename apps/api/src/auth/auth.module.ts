import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthCoreModule } from './auth-core.module.js';
import { AuthController } from './auth.controller.js';
import { SessionGuard } from './session.guard.js';

/** Sign-in routes, and the guard that requires a session on every route not marked @Public(). */
@Module({
  imports: [AuthCoreModule],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AuthCoreModule],
})
export class AuthModule {}
