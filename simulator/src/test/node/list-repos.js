// Lists projects and Git repositories with Microsoft's official Node client, so OfficialNodeClientTest
// can check that the simulator satisfies it (location look-ups, version negotiation, wire format).
// Usage: node list-repos.js BASEURL PAT [PROJECT]   — prints one JSON document on stdout.
'use strict';
const azdev = require('azure-devops-node-api');

async function main() {
  const [baseUrl, pat, project] = process.argv.slice(2);
  if (!baseUrl || !pat) {
    throw new Error('usage: node list-repos.js BASEURL PAT [PROJECT]');
  }
  const connection = new azdev.WebApi(baseUrl, azdev.getPersonalAccessTokenHandler(pat));
  const core = await connection.getCoreApi();
  const git = await connection.getGitApi();
  const projects = await core.getProjects();
  const repositories = await git.getRepositories();
  const projectRepositories = project ? await git.getRepositories(project) : [];
  const brief = (r) => ({ id: r.id, name: r.name, project: r.project.name, remoteUrl: r.remoteUrl, isDisabled: r.isDisabled });
  process.stdout.write(JSON.stringify({
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    repositories: repositories.map(brief),
    projectRepositories: projectRepositories.map(brief),
  }));
}

main().catch((err) => {
  process.stderr.write(`${err.statusCode || ''} ${err.message}\n`);
  process.exit(1);
});
