import { routeLabel } from './http-metrics.js';

describe('routeLabel', () => {
  it('names a request by the route template that answered it, never by its ids', () => {
    expect(
      routeLabel({
        baseUrl: '',
        originalUrl: '/api/versions/5b1d4c1e-0000-4000-8000-000000000000/comments?x=1',
        route: { path: '/api/versions/:versionId/comments' },
      }),
    ).toBe('/api/versions/:versionId/comments');
  });

  it('puts every tus request under one uploads route', () => {
    expect(routeLabel({ baseUrl: '', originalUrl: '/api/uploads/abc123' })).toBe('/api/uploads');
    expect(routeLabel({ baseUrl: '', originalUrl: '/api/uploads' })).toBe('/api/uploads');
  });

  it('counts unknown api paths and the web client as two labels, whatever the path', () => {
    expect(routeLabel({ baseUrl: '', originalUrl: '/api/no-such/thing' })).toBe('unmatched');
    expect(routeLabel({ baseUrl: '', originalUrl: '/assets/9f/review?v=2' })).toBe('web');
  });
});
