#!/usr/bin/env python3
"""Offline check of the GitHub workflow (.github/workflows/ci.yml), which cannot run here.

Fails when the workflow
  - does not parse as YAML, or is not a mapping with jobs;
  - does not run on both push and pull_request;
  - has no job that runs exactly `bash .ci/run` with CI=true, as its last step, on ubuntu-latest
    inside a Debian container (.ci/run installs Debian packages with apt-get, as root), with
    timeout-minutes between 1 and 360 (GitHub's own limit);
  - uses an action not pinned to a major version (`owner/name@v4`, or a full commit id): not a
    branch, not unpinned;
  - does not check the repository out with actions/checkout and set up Java 17 (temurin, Maven's
    cache) with actions/setup-java, both before that step;
  - lets a step fail without failing the job (continue-on-error);
or when .ci/run, the script it runs, is not in the repository.

    python3 .ci/check-workflow.py               exit 0 when every check passed
    python3 .ci/check-workflow.py --self-test   proves on broken workflows that each kind of
                                                mistake fails, and that a sound one passes
Needs python3 with PyYAML (Debian: python3-yaml), as deploy/check-deploy.sh does.
Last line: "N passed, N failed".
"""
import os
import re
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("check-workflow: python3 needs PyYAML (Debian: python3-yaml, pip: PyYAML)")

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
WORKFLOW = ".github/workflows/ci.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")



def report(results):
    """Prints each failed (ok, what) result, then the closing line; exits 1 when any failed."""
    failures = [what for ok, what in results if not ok]
    for what in failures:
        print(f"FAIL {what}")
    print(f"{len(results) - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


def problems(path, root):
    """What is wrong with the workflow at path, for the repository at root: a list of sentences."""
    found = []
    try:
        with open(path) as f:
            workflow = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        return [f"{os.path.basename(path)} does not parse: {str(e).splitlines()[0]}"]
    if not isinstance(workflow, dict) or not isinstance(workflow.get("jobs"), dict) or not workflow["jobs"]:
        return ["not a workflow: no jobs"]

    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true.
    triggers = workflow.get("on", workflow.get(True))
    if isinstance(triggers, str):
        triggers = [triggers]
    for event in ("push", "pull_request"):
        if not isinstance(triggers, (list, dict)) or event not in triggers:
            found.append(f"does not run on {event}")

    runners = {}
    for name, job in workflow["jobs"].items():
        steps = job.get("steps") if isinstance(job, dict) else None
        if not isinstance(steps, list):
            found.append(f"job {name}: no steps")
            continue
        for i, step in enumerate(steps):
            if not isinstance(step, dict):
                found.append(f"job {name}: step {i + 1} is not a mapping")
                continue
            uses = step.get("uses")
            if uses is not None and not PINNED.match(str(uses)):
                found.append(f"job {name}: {uses} is not pinned to a major version")
            if step.get("continue-on-error"):
                found.append(f"job {name}: step {i + 1} may fail without failing the job (continue-on-error)")
            if str(step.get("run", "")).strip() == "bash .ci/run":
                runners[name] = (job, steps, i)

    if not runners:
        found.append("no step runs exactly `bash .ci/run`")
    for name, (job, steps, i) in runners.items():
        step = steps[i]
        if str((step.get("env") or {}).get("CI", "")).lower() != "true":
            found.append(f"job {name}: .ci/run runs without CI=true")
        if i != len(steps) - 1:
            found.append(f"job {name}: .ci/run is not the last step")
        if job.get("runs-on") != "ubuntu-latest":
            found.append(f"job {name}: runs on {job.get('runs-on')}, not ubuntu-latest")
        container = job.get("container")
        image = container.get("image") if isinstance(container, dict) else container
        if not str(image or "").startswith("debian:"):
            found.append(f"job {name}: not in a Debian container (.ci/run installs Debian packages as root)")
        timeout = job.get("timeout-minutes")
        if not isinstance(timeout, int) or isinstance(timeout, bool) or not 1 <= timeout <= 360:
            found.append(f"job {name}: timeout-minutes is {timeout}, not between 1 and 360")
        before = steps[:i]
        uses = [str(s.get("uses", "")).split("@")[0] for s in before if isinstance(s, dict)]
        if "actions/checkout" not in uses:
            found.append(f"job {name}: no actions/checkout before .ci/run")
        java = [s for s in before if isinstance(s, dict) and str(s.get("uses", "")).startswith("actions/setup-java@")]
        if not java:
            found.append(f"job {name}: no actions/setup-java before .ci/run")
        for s in java:
            given = s.get("with") or {}
            if str(given.get("java-version")) != "17":
                found.append(f"job {name}: actions/setup-java sets up Java {given.get('java-version')}, not 17")
            if given.get("distribution") != "temurin":
                found.append(f"job {name}: actions/setup-java's distribution is {given.get('distribution')}, not temurin")
            if given.get("cache") != "maven":
                found.append(f"job {name}: actions/setup-java does not cache Maven's repository")
    if not os.path.isfile(os.path.join(root, ".ci", "run")):
        found.append(".ci/run is not in the repository")
    return found


SOUND = """name: ci
on:
  push:
  pull_request:
jobs:
  ci:
    runs-on: ubuntu-latest
    container: debian:bookworm
    timeout-minutes: 120
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with: {distribution: temurin, java-version: '17', cache: maven}
      - run: bash .ci/run
        env: {CI: 'true'}
"""
# Each broken workflow, made from the sound one, and the failure it must be refused with.
BROKEN = {
    "not YAML": (SOUND.replace("    steps:", "   steps: ["), "ci.yml does not parse"),
    "no pull_request": (SOUND.replace("  pull_request:\n", ""), "does not run on pull_request"),
    "a branch": (SOUND.replace("checkout@v4", "checkout@main"), "job ci: actions/checkout@main is not pinned"),
    "unpinned": (SOUND.replace("checkout@v4", "checkout"), "job ci: actions/checkout is not pinned"),
    "Java 21": (SOUND.replace("'17'", "'21'"), "job ci: actions/setup-java sets up Java 21, not 17"),
    "no cache": (SOUND.replace(", cache: maven", ""), "job ci: actions/setup-java does not cache Maven's repository"),
    "no checkout": (SOUND.replace("      - uses: actions/checkout@v4\n", ""), "job ci: no actions/checkout before .ci/run"),
    "no timeout": (SOUND.replace("    timeout-minutes: 120\n", ""), "job ci: timeout-minutes is None"),
    "not CI": (SOUND.replace("{CI: 'true'}", "{CI: 'false'}"), "job ci: .ci/run runs without CI=true"),
    "another command": (SOUND.replace("bash .ci/run", "./mvnw verify"), "no step runs exactly `bash .ci/run`"),
    "not Debian": (SOUND.replace("    container: debian:bookworm\n", ""), "job ci: not in a Debian container"),
    "macOS": (SOUND.replace("ubuntu-latest", "macos-latest"), "job ci: runs on macos-latest, not ubuntu-latest"),
    "may fail": (SOUND.replace("      - run: bash .ci/run\n", "      - run: bash .ci/run\n        continue-on-error: true\n"),
                 "job ci: step 3 may fail without failing the job"),
}


def self_test():
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, ".ci"))
        open(os.path.join(tmp, ".ci", "run"), "w").close()
        path = os.path.join(tmp, "ci.yml")
        for what, (text, expected) in BROKEN.items():
            with open(path, "w") as f:
                f.write(text)
            found = problems(path, tmp)
            results.append((any(p.startswith(expected) for p in found),
                            f"self-test: {what}: expected '{expected}', got {found}"))
        with open(path, "w") as f:
            f.write(SOUND)
        found = problems(path, tmp)
        results.append((found == [], f"self-test: a sound workflow passes: {found}"))
        os.remove(os.path.join(tmp, ".ci", "run"))
        results.append((".ci/run is not in the repository" in problems(path, tmp), "self-test: a missing .ci/run fails"))
    report(results)


if "--self-test" in sys.argv:
    self_test()
report([(False, f"{WORKFLOW}: {problem}") for problem in problems(os.path.join(ROOT, WORKFLOW), ROOT)]
       or [(True, WORKFLOW)])
