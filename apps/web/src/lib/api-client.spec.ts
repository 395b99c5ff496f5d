import { projectSchema } from '@cutroom/contracts';
import {
  ApiRequestError,
  apiRequest,
  describeError,
  parseErrorResponse,
  parseRetryAfter,
  UnexpectedResponseError,
} from './api-client';

const realFetch = globalThis.fetch;

function answerWith(response: Response) {
  globalThis.fetch = async () => response;
}

afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('reading an error the API sent', () => {
  it('keeps the status, the sentence and every field that was wrong', () => {
    const error = parseErrorResponse({
      status: 400,
      statusText: 'Bad Request',
      bodyText: JSON.stringify({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Some fields are not valid',
        fields: [
          { path: 'email', message: 'must be an email address' },
          { path: 'password', message: 'must be at least 8 characters' },
        ],
      }),
      retryAfter: null,
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Some fields are not valid');
    expect(error.fields).toEqual([
      { path: 'email', message: 'must be an email address' },
      { path: 'password', message: 'must be at least 8 characters' },
    ]);
  });

  it('has no fields when the API names none', () => {
    const error = parseErrorResponse({
      status: 409,
      statusText: 'Conflict',
      bodyText: JSON.stringify({
        statusCode: 409,
        error: 'Conflict',
        message: 'A project needs at least one owner',
      }),
      retryAfter: null,
    });
    expect(error.fields).toEqual([]);
    expect(error.error).toBe('Conflict');
    expect(describeError(error)).toBe('A project needs at least one owner');
  });

  it('still says something readable when a proxy answers with an HTML page', () => {
    const error = parseErrorResponse({
      status: 502,
      statusText: 'Bad Gateway',
      bodyText: '<html><body>nginx</body></html>',
      retryAfter: null,
    });
    expect(error.status).toBe(502);
    expect(error.message).toBe('The server had a problem (502 Bad Gateway). Try again in a moment.');
    expect(error.fields).toEqual([]);
  });

  it('tells a rate-limited person how long to wait', () => {
    const error = parseErrorResponse({
      status: 429,
      statusText: 'Too Many Requests',
      bodyText: JSON.stringify({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many sign-in attempts',
      }),
      retryAfter: '30',
    });
    expect(error.retryAfterSeconds).toBe(30);
    expect(describeError(error)).toBe('Too many sign-in attempts (try again in 30 s)');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('calling the API', () => {
  const project = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    name: 'Trailer v3',
    role: 'owner',
    memberCount: 1,
    createdAt: '2025-06-01T12:00:00.000Z',
    updatedAt: '2025-06-01T12:00:00.000Z',
  };

  it('resolves with a body that matches the contract', async () => {
    answerWith(Response.json(project, { status: 200 }));
    await expect(apiRequest(`/projects/${project.id}`, { schema: projectSchema })).resolves.toEqual(project);
  });

  it('rejects a body that breaks the contract instead of handing it to the UI', async () => {
    answerWith(Response.json({ ...project, role: 'admin' }, { status: 200 }));
    const request = apiRequest(`/projects/${project.id}`, { schema: projectSchema });
    await expect(request).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(request).rejects.toThrow(/role/);
  });

  it('rejects an error status with a typed error carrying the status', async () => {
    answerWith(
      Response.json({ statusCode: 404, error: 'Not Found', message: 'Project not found' }, { status: 404 }),
    );
    const failure = await apiRequest(`/projects/${project.id}`, { schema: projectSchema }).catch(
      (error) => error,
    );
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(failure).toMatchObject({ status: 404, message: 'Project not found' });
  });

  it('resolves a 204 with nothing', async () => {
    answerWith(new Response(null, { status: 204 }));
    await expect(apiRequest(`/projects/${project.id}`, { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns an unreachable server into an error a person can act on', async () => {
    globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const failure = await apiRequest('/projects', { method: 'DELETE' }).catch((error) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(failure.status).toBe(0);
    expect(describeError(failure)).toMatch(/Could not reach the Cutroom server/);
  });
});
