"""Team-mode isolation, walking the service's own /openapi.json (so a new route is covered without
editing this): end user B's ids, used by another end user of the same application and by an end
user of another application with B's very name, get 404 on every route that takes an id (in its
path, its `account` query or its body), and no listing answers with any of B's ids.

Bodies are made from each operation's request schema (required properties, with B's organization,
project, repository and account wherever the schema has them), so they pass the route's own checks
and the 404 is the owner's doing. Public routes are left out (the service hook receiver is reached
by Azure DevOps with the subscription's own credential, not as an end user).

Usage: isolation_walk.py SERVICE_URL B_IDS_JSON KEY:USER [KEY:USER ...]
B_IDS_JSON: {"account", "source", "organization", "project", "repository"} of end user B.
Prints one line per route family; exits 1 listing every probe that was not refused with 404.
"""
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

BODY_IDS = ("organization", "project", "repository", "account")


def call(service, method, path, key, user, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(service + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + key)
    request.add_header("X-End-User", user)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode("utf-8", "replace")


def deref(doc, schema):
    ref = schema.get("$ref")
    if not ref:
        return schema
    node = doc
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return deref(doc, node)


def example(doc, schema, b):
    schema = deref(doc, schema)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "string":
        return "2024-01-01T00:00:00Z" if schema.get("format") == "date-time" else "x1"
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return False
    if kind == "array":
        return [example(doc, schema.get("items", {}), b)] if schema.get("minItems", 0) > 0 else []
    properties = schema.get("properties", {})
    wanted = list(schema.get("required", [])) + [n for n in BODY_IDS if n in properties]
    return {n: b[n] if n in b else example(doc, properties.get(n, {}), b) for n in wanted}


def request_schema(op):
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    return None if content is None else content.get("schema", {})


def takes_an_id(doc, path, op):
    if "{" in path:
        return True
    if any(p.get("name") == "account" for p in op.get("parameters", [])):
        return True
    schema = request_schema(op)
    return schema is not None and "account" in deref(doc, schema).get("properties", {})


def path_value(path, name, b):
    if name == "id":
        for prefix, kind in (("/api/accounts/", "account"), ("/api/sources/", "source")):
            if path.startswith(prefix):
                return b[kind]
        return "1"
    if name == "commitId":
        return "0123456789abcdef0123456789abcdef01234567"
    return b.get(name, "1")


def concrete(doc, path, op, b):
    quoted = lambda v: urllib.parse.quote(str(v), safe="")
    url = re.sub(r"\{([^}]+)}", lambda m: quoted(path_value(path, m.group(1), b)), path)
    query = []
    for p in op.get("parameters", []):
        if p.get("in") != "query" or not (p.get("name") == "account" or p.get("required")):
            continue
        value = b["account"] if p["name"] == "account" else example(doc, p.get("schema", {}), b)
        query.append(p["name"] + "=" + quoted(value))
    return url + ("?" + "&".join(query) if query else "")


def main():
    service, b = sys.argv[1], json.loads(sys.argv[2])
    callers = [c.split(":", 1) for c in sys.argv[3:]]
    with urllib.request.urlopen(service + "/openapi.json", timeout=60) as answer:
        doc = json.load(answer)
    failures, probed, listings = [], 0, 0
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            public = "security" in op and not op["security"]
            if public or not path.startswith("/api/"):
                continue
            for key, user in callers:
                if takes_an_id(doc, path, op):
                    schema = request_schema(op)
                    body = None if schema is None else example(doc, schema, b)
                    status, text = call(service, method.upper(), concrete(doc, path, op, b), key, user, body)
                    probed += 1
                    if status != 404 or '"route_not_found"' in text:
                        failures.append(f"{method.upper()} {path} as {user}: {status} {text[:200]}")
                elif method == "get":
                    status, text = call(service, "GET", path, key, user)
                    listings += 1
                    leaked = [k for k in ("account", "source") if b[k] in text]
                    if leaked:
                        failures.append(f"GET {path} as {user} shows B's {', '.join(leaked)}")
    print(f"  {probed} probes with B's ids on the routes that take one, {listings} listings read;"
          f" {len(failures)} not refused", file=sys.stderr)
    for failure in failures:
        print("  NOT REFUSED: " + failure, file=sys.stderr)
    sys.exit(1 if failures or probed == 0 else 0)


if __name__ == "__main__":
    main()
