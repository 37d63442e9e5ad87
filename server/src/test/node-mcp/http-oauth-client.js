// The official TypeScript MCP SDK client against serve's /mcp over Streamable HTTP, signing in
// with the SDK's own OAuth client: it reads the protected resource and authorization server
// metadata, registers itself (RFC 7591), sends the browser to /oauth/authorize with PKCE. Here the
// "browser" is this script: it follows the authorize redirect to the consent and answers it with
// the page session the Java test handed over (PAGE_COOKIE, TAB_SECRET), as the operator would,
// then gives the code back to the SDK, connects again, lists the tools and calls one.
// Prints one JSON object on stdout.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const mcpUrl = new URL(process.env.MCP_URL);
const base = mcpUrl.origin;
const redirectUrl = 'http://127.0.0.1:45678/callback';
const tool = process.env.TOOL;
const toolArgs = JSON.parse(process.env.TOOL_ARGS || '{}');
const seen = {};

class HeadlessProvider {
  constructor() { this.info = undefined; this.saved = undefined; this.verifier = undefined; this.code = undefined; }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return { client_name: 'official-sdk-test', redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none', scope: 'mcp:read mcp:write' };
  }
  state() { return 'state-' + Math.random().toString(36).slice(2); }
  clientInformation() { return this.info; }
  saveClientInformation(info) { this.info = info; seen.clientId = info.client_id; }
  tokens() { return this.saved; }
  saveTokens(tokens) { this.saved = tokens; seen.tokenType = tokens.token_type; seen.scope = tokens.scope; seen.hasRefreshToken = !!tokens.refresh_token; }
  saveCodeVerifier(v) { this.verifier = v; }
  codeVerifier() { return this.verifier; }
  async redirectToAuthorization(url) {
    seen.authorize = { resource: url.searchParams.get('resource'), codeChallengeMethod: url.searchParams.get('code_challenge_method') };
    const toConsent = await fetch(url, { redirect: 'manual' });
    const location = toConsent.headers.get('location');
    if (toConsent.status !== 302 || !location.startsWith('/?consent=')) {
      throw new Error('authorize answered ' + toConsent.status + ' ' + (await toConsent.text()));
    }
    const id = location.slice('/?consent='.length);
    const answer = await fetch(base + '/api/oauth/requests/' + encodeURIComponent(id), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: process.env.PAGE_COOKIE, 'X-Tab-Secret': process.env.TAB_SECRET },
      body: JSON.stringify({ approve: true, write: process.env.APPROVE_WRITE === 'true', sourcesOnly: process.env.SOURCES_ONLY === 'true' }),
    });
    if (!answer.ok) throw new Error('consent answered ' + answer.status + ' ' + (await answer.text()));
    const back = new URL((await answer.json()).redirect);
    if (back.searchParams.get('state') === null || back.searchParams.get('iss') !== base) {
      throw new Error('the redirect lacks state or iss: ' + back);
    }
    this.code = back.searchParams.get('code');
  }
}

const provider = new HeadlessProvider();
const client = new Client({ name: 'official-sdk-test', version: '0.0.0' });
let transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
try {
  await client.connect(transport);
  throw new Error('connected without signing in');
} catch (e) {
  if (!(e instanceof UnauthorizedError)) throw e;
}
await transport.finishAuth(provider.code);
transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
await client.connect(transport);
seen.sessionId = transport.sessionId ? 'present' : 'absent';
const tools = await client.listTools();
seen.tools = tools.tools.map((t) => t.name);
const result = await client.callTool({ name: tool, arguments: toolArgs });
seen.call = { isError: !!result.isError, structuredContent: result.structuredContent, text: result.content.map((c) => c.text).join('\n') };
await transport.terminateSession().catch(() => {});
await client.close();
process.stdout.write(JSON.stringify(seen));
