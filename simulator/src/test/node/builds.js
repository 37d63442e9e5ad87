// Drives the Build and Pipelines areas with Microsoft's official Node client, so OfficialNodeBuildTest
// can check the simulator satisfies it: definitions, queue, get, list builds; list pipelines, run,
// get and list runs. Usage: node builds.js BASEURL PAT PROJECT DEFINITION — one JSON document on stdout.
'use strict';
const azdev = require('azure-devops-node-api');

async function main() {
  const [baseUrl, pat, project, definitionName] = process.argv.slice(2);
  if (!baseUrl || !pat || !project || !definitionName) {
    throw new Error('usage: node builds.js BASEURL PAT PROJECT DEFINITION');
  }
  const connection = new azdev.WebApi(baseUrl, azdev.getPersonalAccessTokenHandler(pat));
  const build = await connection.getBuildApi();
  const definitions = await build.getDefinitions(project, definitionName);
  const definition = definitions[0];
  const queued = await build.queueBuild({
    definition: { id: definition.id },
    sourceBranch: 'refs/heads/feature/search',
    parameters: JSON.stringify({ BuildConfiguration: 'Release' }),
    templateParameters: { environment: 'staging' },
  }, project);
  const got = await build.getBuild(project, queued.id);
  const builds = await build.getBuilds(project, [definition.id]);

  const pipelinesApi = await connection.getPipelinesApi();
  const pipelines = await pipelinesApi.listPipelines(project);
  const run = await pipelinesApi.runPipeline({
    resources: { repositories: { self: { refName: 'refs/heads/feature/login-page' } } },
    templateParameters: { environment: 'staging' },
    variables: { Config: { value: 'Release', isSecret: false } },
  }, project, definition.id);
  const gotRun = await pipelinesApi.getRun(project, definition.id, run.id);
  const runs = await pipelinesApi.listRuns(project, definition.id);

  const brief = (b) => ({
    id: b.id, status: b.status, result: b.result, buildNumber: b.buildNumber, sourceBranch: b.sourceBranch,
    sourceVersion: b.sourceVersion, parameters: b.parameters, templateParameters: b.templateParameters,
    definitionId: b.definition.id, queueTime: b.queueTime,
  });
  const briefRun = (r) => ({
    id: r.id, name: r.name, state: r.state, result: r.result, pipelineId: r.pipeline.id,
    refName: r.resources.repositories.self.refName, createdDate: r.createdDate,
  });
  process.stdout.write(JSON.stringify({
    definitions: definitions.map((d) => ({ id: d.id, name: d.name, path: d.path })),
    queued: brief(queued),
    got: brief(got),
    builds: builds.map(brief),
    pipelines: pipelines.map((p) => ({ id: p.id, name: p.name, folder: p.folder })),
    run: briefRun(run),
    gotRun: briefRun(gotRun),
    runs: runs.map(briefRun),
  }));
}

main().catch((err) => {
  process.stderr.write(`${err.statusCode || ''} ${err.message}\n`);
  process.exit(1);
});
