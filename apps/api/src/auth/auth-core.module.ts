import { Module } from '@nestjs/common';
import { AuthService } from './auth.service.js';

/** Who is signed in: for contexts that need sessions without the sign-in routes (and the media worker). */
@Module({ providers: [AuthService], exports: [AuthService] })
export class AuthCoreModule {}
