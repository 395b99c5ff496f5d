import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'cutroom:public';

/** Marks a route that needs no session (sign-in, health). Every other route requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
