// Drives ado-connect's MCP server over stdio with the official TypeScript MCP SDK client.
// Usage: node stdio-client.js <scenario.json>
//   scenario: { "command": "java", "args": [...], "env": {...}, "calls": [{ "name": "...", "arguments": {...} }] }
// Prints one JSON document: the tools the server listed (name and annotations) and, per call,
// whether it was an error, its text content and its structured content.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const scenario = JSON.parse(readFileSync(process.argv[2], "utf8"));
const transport = new StdioClientTransport({
  command: scenario.command,
  args: scenario.args,
  env: scenario.env,
  stderr: "inherit",
});
const client = new Client({ name: "ado-connect-stdio-check", version: "0.0.0" });
await client.connect(transport);

const tools = [];
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  tools.push(...page.tools.map((t) => ({ name: t.name, annotations: t.annotations })));
  cursor = page.nextCursor;
} while (cursor);

const results = [];
for (const call of scenario.calls) {
  try {
    const result = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
    results.push({
      name: call.name,
      isError: result.isError === true,
      text: result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n"),
      structured: result.structuredContent ?? null,
    });
  } catch (e) {
    // A protocol-level error (unknown tool, invalid arguments), not a tool result.
    results.push({ name: call.name, isError: true, protocolError: true, text: String(e.message) });
  }
}

await client.close();
process.stdout.write(JSON.stringify({ server: client.getServerVersion(), tools, results }));
