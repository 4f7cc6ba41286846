// A real OpenID Connect provider for the single sign-on tests: panva's
// `oidc-provider` (an npm devDependency; nothing is downloaded at run time)
// on 127.0.0.1, with one confidential test client and a few people whose
// `groups` claim the tests map to roles.
//
// Its development sign-in page takes any login and password: the login names
// the person (see PEOPLE). Consent is granted without asking, so a sign-in is
// one form. Claims of the requested scopes go into the ID token, as many
// university providers do for `groups`.
//
// Use it from a test (`startProvider`), or by hand:
//   node tests/oidc/provider.js http://127.0.0.1:8080/login/oidc/callback
// prints the issuer and the client's id and secret, and serves until Ctrl-C.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import Provider from 'oidc-provider';

/** The test client. */
export const CLIENT_ID = 'kizuna-test';
export const CLIENT_SECRET = 'a test client secret that is long enough';

/** People the provider knows, by the login typed into its sign-in form. */
export const PEOPLE = {
  ada: { email: 'ada@ki.se', groups: ['staff', 'kizuna-admins'] },
  cmb: { email: 'cmb.coordinator@ki.se', groups: ['cmb-coordinators'] },
  sam: { email: 'sam.student@ki.se', groups: ['students'] },
  dora: { email: 'dora@ki.se', groups: ['kizuna-admins'] },
};

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the provider on `port` (a free one by default) for a client whose
 * redirect URI is `redirectUri`: confidential (CLIENT_SECRET, HTTP Basic at
 * the token endpoint), or with `publicClient` a public one that has no secret
 * and proves itself with PKCE alone. Returns `{ issuer, port, stop() }`.
 */
export async function startProvider({ redirectUri, port, publicClient = false } = {}) {
  const listenPort = port ?? await freePort();
  const issuer = `http://127.0.0.1:${listenPort}`;
  // A signing key made for this run: tokens of an earlier run verify with nothing.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      ...(publicClient ? {} : { client_secret: CLIENT_SECRET }),
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: publicClient ? 'none' : 'client_secret_basic',
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    conformIdTokenClaims: false,
    async findAccount(ctx, accountId) {
      const person = PEOPLE[accountId];
      if (!person) return undefined;
      return {
        accountId,
        async claims() {
          return {
            sub: `subject-of-${accountId}`,
            email: person.email,
            email_verified: true,
            name: accountId,
            groups: person.groups,
          };
        },
      };
    },
    // Consent without asking: every scope the client asks for is granted.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid');
      await grant.save();
      return grant;
    },
  });

  const server = await new Promise((resolveServer, reject) => {
    const srv = provider.listen(listenPort, '127.0.0.1', () => resolveServer(srv));
    srv.on('error', reject);
  });
  return {
    issuer,
    port: listenPort,
    stop: () => new Promise((resolveStop) => {
      server.closeAllConnections?.();
      server.close(() => resolveStop());
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const redirectUri = process.argv[2] ?? 'http://127.0.0.1:8080/login/oidc/callback';
  const { issuer } = await startProvider({ redirectUri });
  console.log(JSON.stringify({ issuer, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, people: Object.keys(PEOPLE) }));
}
