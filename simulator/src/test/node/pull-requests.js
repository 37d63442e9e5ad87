// Drives pull requests, commit statuses, refs and items through Microsoft's official Node client,
// so OfficialNodeGitTest can check that the simulator satisfies it (locations, versions, wire format).
// Usage: node pull-requests.js BASEURL PAT PROJECT REPOSITORY_ID SOURCE_REF TARGET_REF REVIEWER_ID
// Prints one JSON document on stdout.
'use strict';
const azdev = require('azure-devops-node-api');

// Enum numbers as GitInterfaces defines them.
const PR_ACTIVE = 1;
const PR_ABANDONED = 2;
const STATE_SUCCEEDED = 2;
const COMMENT_TEXT = 1;
const THREAD_ACTIVE = 1;

async function text(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const [baseUrl, pat, project, repositoryId, sourceRef, targetRef, reviewerId] = process.argv.slice(2);
  if (!reviewerId) {
    throw new Error('usage: node pull-requests.js BASEURL PAT PROJECT REPOSITORY_ID SOURCE_REF TARGET_REF REVIEWER_ID');
  }
  const connection = new azdev.WebApi(baseUrl, azdev.getPersonalAccessTokenHandler(pat));
  const git = await connection.getGitApi();

  const refs = await git.getRefs(repositoryId, project, 'heads/');
  const readme = await text(await git.getItemContent(repositoryId, 'README.md', project));
  const source = refs.find((r) => r.name === sourceRef);
  await git.createCommitStatus(
    { state: STATE_SUCCEEDED, description: 'built', context: { name: 'node-ci', genre: 'sim' } },
    source.objectId, repositoryId, project);
  const commitStatuses = await git.getStatuses(source.objectId, repositoryId, project);

  const created = await git.createPullRequest({
    sourceRefName: sourceRef,
    targetRefName: targetRef,
    title: 'From the Node client',
    description: 'Made by pull-requests.js',
    reviewers: [{ id: reviewerId }],
  }, repositoryId, project);
  const id = created.pullRequestId;
  const listed = await git.getPullRequests(repositoryId, { status: PR_ACTIVE, targetRefName: targetRef }, project);
  const byId = await git.getPullRequestById(id, project);

  const thread = await git.createThread({
    comments: [{ parentCommentId: 0, content: 'Looks good', commentType: COMMENT_TEXT }],
    status: THREAD_ACTIVE,
  }, repositoryId, id, project);
  const reply = await git.createComment(
    { parentCommentId: 1, content: 'Thanks', commentType: COMMENT_TEXT }, repositoryId, id, thread.id, project);
  const threads = await git.getThreads(repositoryId, id, project);

  await git.createPullRequestStatus(
    { state: STATE_SUCCEEDED, description: 'checked', context: { name: 'node-check', genre: 'sim' } },
    repositoryId, id, project);
  const prStatuses = await git.getPullRequestStatuses(repositoryId, id, project);

  const abandoned = await git.updatePullRequest({ status: PR_ABANDONED }, repositoryId, id, project);
  const activeAfter = await git.getPullRequests(repositoryId, { status: PR_ACTIVE }, project);

  process.stdout.write(JSON.stringify({
    refs: refs.map((r) => ({ name: r.name, objectId: r.objectId })),
    readme,
    commitStatuses: commitStatuses.map((s) => ({ state: s.state, context: s.context.name })),
    created: {
      id, status: created.status, source: created.sourceRefName, createdBy: created.createdBy.id,
      reviewers: created.reviewers.map((r) => r.id), creationDate: created.creationDate,
    },
    listed: listed.map((p) => p.pullRequestId),
    byId: { id: byId.pullRequestId, title: byId.title, repository: byId.repository.id },
    thread: { id: thread.id, status: thread.status, comments: thread.comments.length },
    reply: { id: reply.id, parentCommentId: reply.parentCommentId, content: reply.content },
    threads: threads.map((t) => t.comments.map((c) => c.content)),
    prStatuses: prStatuses.map((s) => ({ state: s.state, context: s.context.name })),
    abandoned: { status: abandoned.status, closedDate: abandoned.closedDate },
    activeAfter: activeAfter.map((p) => p.pullRequestId),
  }));
}

main().catch((err) => {
  process.stderr.write(`${err.statusCode || ''} ${err.message}\n`);
  process.exit(1);
});
