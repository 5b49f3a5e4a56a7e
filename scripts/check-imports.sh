#!/usr/bin/env bash
# Fails when a module imports a module its target does not declare in Package.swift (SwiftPM
# still builds such code when the module happens to be built earlier, so the graph would lie).
# Reads the declared dependencies from `swift package dump-package`; system modules (Foundation,
# Glibc, Darwin, Dispatch, Testing, …) are always allowed. Usage: scripts/check-imports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$(swift package dump-package)" <<'PY'
import json, os, re, sys

package = json.loads(sys.argv[1])
system = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Glibc", "Darwin", "Dispatch", "Testing", "XCTest",
          "Synchronization", "os", "Musl", "ucrt", "WinSDK", "_Concurrency", "Swift"}
failures = []
for target in package["targets"]:
    name = target["name"]
    if target["type"] == "system":
        continue
    declared = set()
    for d in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in d:
                declared.add(d[kind][0])
    folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
    for root, _, files in os.walk(folder):
        for f in files:
            if not f.endswith(".swift"):
                continue
            path = os.path.join(root, f)
            in_string = False  # inside a multi-line string literal (e.g. an embedded Python script)
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                if line.count('"""') % 2 == 1:
                    in_string = not in_string
                    continue
                if in_string:
                    continue
                m = re.match(r"\s*(?:@testable\s+|@_exported\s+|@_implementationOnly\s+)?import\s+(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)", line)
                if not m:
                    continue
                module = m.group(1)
                if "@_exported" in line:
                    failures.append(f"{path}:{n}: @_exported import {module}: import it where it is used instead")
                if module in system or module == name or module in declared:
                    continue
                failures.append(f"{path}:{n}: target {name} imports {module}, which Package.swift does not declare for it")
for f in failures:
    print(f, file=sys.stderr)
if failures:
    print(f"check-imports: {len(failures)} undeclared import(s)", file=sys.stderr)
    sys.exit(1)
print(f"check-imports: every import of {sum(1 for t in package['targets'] if t['type'] != 'system')} targets is declared")
PY
