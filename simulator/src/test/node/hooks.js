// Creates, lists, reads and deletes a service hook subscription through Microsoft's official Node
// client, so OfficialNodeHooksTest can check the simulator's hooks area against it. The client has
// no service hooks API, so this uses its generic machinery the way its generated APIs do: location
// look-up and version negotiation (vsoClient.getVersioningData), then the REST client.
// Usage: node hooks.js BASEURL PAT PROJECT_ID REPOSITORY_ID RECEIVER_URL — one JSON document on stdout.
'use strict';
const azdev = require('azure-devops-node-api');

const SUBSCRIPTIONS = 'fc50d02a-849f-41fb-8af1-0a5216103269';

async function main() {
  const [baseUrl, pat, projectId, repositoryId, receiverUrl] = process.argv.slice(2);
  if (!receiverUrl) {
    throw new Error('usage: node hooks.js BASEURL PAT PROJECT_ID REPOSITORY_ID RECEIVER_URL');
  }
  const connection = new azdev.WebApi(baseUrl, azdev.getPersonalAccessTokenHandler(pat));
  const versioning = (routeValues) =>
    connection.vsoClient.getVersioningData('7.1', 'hooks', SUBSCRIPTIONS, routeValues);
  const options = (apiVersion) => ({ acceptHeader: 'application/json;api-version=' + apiVersion });

  const create = await versioning({});
  const created = await connection.rest.create(create.requestUrl, {
    publisherId: 'tfs',
    eventType: 'git.push',
    resourceVersion: '1.0',
    consumerId: 'webHooks',
    consumerActionId: 'httpRequest',
    publisherInputs: { projectId, repository: repositoryId, branch: 'main' },
    consumerInputs: {
      url: receiverUrl,
      basicAuthUsername: 'ado-connect',
      basicAuthPassword: 'fake-node-password-0123456789',
    },
  }, options(create.apiVersion));
  const id = created.result.id;

  const list = await versioning({});
  const listed = await connection.rest.get(list.requestUrl, options(list.apiVersion));
  const one = await versioning({ subscriptionId: id });
  const got = await connection.rest.get(one.requestUrl, options(one.apiVersion));
  const deleted = await connection.rest.del(one.requestUrl, options(one.apiVersion));
  const gone = await connection.rest.get(one.requestUrl, options(one.apiVersion)).catch((e) => ({ statusCode: e.statusCode }));

  process.stdout.write(JSON.stringify({
    apiVersion: create.apiVersion,
    created: { status: created.statusCode, id, eventType: created.result.eventType },
    listed: { status: listed.statusCode, count: listed.result.count, ids: listed.result.value.map((s) => s.id) },
    got: {
      status: got.statusCode,
      url: got.result.consumerInputs.url,
      password: got.result.consumerInputs.basicAuthPassword,
      projectId: got.result.publisherInputs.projectId,
    },
    deleted: deleted.statusCode,
    gone: gone.statusCode,
  }));
}

main().catch((err) => {
  process.stderr.write(`${err.statusCode || ''} ${err.message}\n`);
  process.exit(1);
});
