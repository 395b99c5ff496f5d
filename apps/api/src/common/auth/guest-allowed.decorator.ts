import { SetMetadata } from '@nestjs/common';

export const GUEST_ALLOWED = 'cutroom:guest-allowed';

/**
 * Marks a route a review-link guest may call. Guests are refused everywhere else, so a new route
 * is closed to them until someone decides otherwise; what a guest then sees is still limited by
 * the service's access checks (only the link's assets, no internal notes).
 */
export const GuestAllowed = () => SetMetadata(GUEST_ALLOWED, true);
