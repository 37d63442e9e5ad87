// Drives classic releases and work items through Microsoft's official Node client, so
// OfficialNodeReleaseAndWorkItemTest can check the simulator satisfies it (resource-area look-up of
// the release host, location ids, version negotiation, JSON Patch, wire format).
// Usage: node releases-workitems.js BASEURL PAT PROJECT   — prints one JSON document on stdout.
'use strict';
const azdev = require('azure-devops-node-api');
const ri = require('azure-devops-node-api/interfaces/ReleaseInterfaces');

async function main() {
  const [baseUrl, pat, project] = process.argv.slice(2);
  if (!baseUrl || !pat || !project) {
    throw new Error('usage: node releases-workitems.js BASEURL PAT PROJECT');
  }
  const connection = new azdev.WebApi(baseUrl, azdev.getPersonalAccessTokenHandler(pat));

  const release = await connection.getReleaseApi();
  const definitions = await release.getReleaseDefinitions(project, undefined, ri.ReleaseDefinitionExpands.Environments);
  const definition = definitions[0];
  const created = await release.createRelease({ definitionId: definition.id, description: 'from node' }, project);
  const fetched = await release.getRelease(project, created.id);
  const listed = await release.getReleases(project, definition.id, undefined, undefined, undefined, undefined,
    undefined, undefined, undefined, undefined, 10, undefined, ri.ReleaseExpands.Environments);
  const stages = (r) => (r.environments || []).map((e) => ({ name: e.name, status: ri.EnvironmentStatus[e.status] }));

  const wit = await connection.getWorkItemTrackingApi();
  const query = await wit.queryByWiql(
    { query: 'SELECT [System.Id], [System.Title] FROM WorkItems WHERE [System.TeamProject] = @project ORDER BY [System.Id] DESC' },
    { project });
  const ids = query.workItems.map((w) => w.id);
  const items = await wit.getWorkItems(ids, ['System.Id', 'System.Title']);
  const batch = await wit.getWorkItemsBatch({ ids, fields: ['System.Title', 'System.State'] });
  const createdItem = await wit.createWorkItem(null,
    [{ op: 'add', path: '/fields/System.Title', value: 'Created by the Node client' }], project, 'Bug');
  const updatedItem = await wit.updateWorkItem(null,
    [{ op: 'test', path: '/rev', value: 1 }, { op: 'add', path: '/fields/System.State', value: 'Active' }],
    createdItem.id);
  const comment = await wit.addComment({ text: 'Hello from node' }, project, createdItem.id);
  const comments = await wit.getComments(project, createdItem.id);

  process.stdout.write(JSON.stringify({
    definitions: definitions.map((d) => ({ id: d.id, name: d.name, stages: (d.environments || []).map((e) => e.name) })),
    created: { id: created.id, name: created.name, description: created.description, stages: stages(created) },
    fetched: { id: fetched.id, definition: fetched.releaseDefinition.name, stages: stages(fetched) },
    listed: listed.map((r) => ({ id: r.id, stages: stages(r) })),
    wiqlIds: ids,
    items: items.map((w) => ({ id: w.id, title: w.fields['System.Title'] })),
    batch: batch.map((w) => ({ id: w.id, title: w.fields['System.Title'], state: w.fields['System.State'] })),
    createdItem: { id: createdItem.id, rev: createdItem.rev, state: createdItem.fields['System.State'] },
    updatedItem: { id: updatedItem.id, rev: updatedItem.rev, state: updatedItem.fields['System.State'] },
    comment: { id: comment.id, text: comment.text },
    comments: comments.comments.map((c) => c.text),
  }));
}

main().catch((err) => {
  process.stderr.write(`${err.statusCode || ''} ${err.message}\n`);
  process.exit(1);
});
