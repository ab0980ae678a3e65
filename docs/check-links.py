#!/usr/bin/env python3
"""Offline check that the repository explains itself without anything beside it.

Fails when
  - a relative Markdown link in any *.md file points at a file that does not exist in the
    repository, or outside it (a ../ that climbs above the repository root), or at a
    heading (#anchor, GitHub-style slug) that the target file does not have;
  - a path-like reference in a code comment (Java, JavaScript, YAML, shell, properties,
    XML, Dockerfile) or in Markdown prose names a document (`something.md`, `docs/x/y.md`,
    `../shared/notes/x.md`) or a file under one of our directories (`deploy/k8s/x.sh`,
    `../pom.xml`) that is not in the repository;
  - a `Class#method` (or `Class#method(FirstParameterType)`) written in backticks in any *.md
    names a class with no Class.java in the source tree, or a method that file does not
    declare; a `Class.CONSTANT` of one of our classes names a constant it lacks.
External links (http:, https:, mailto:) are never checked. target/, .git/, data/ are skipped.

    python3 docs/check-links.py               exit 0 when every check passed
    python3 docs/check-links.py --self-test   proves on a small made-up repository that each
                                              kind of broken reference fails, and a sound one passes
Last line: "N passed, N failed".
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
if "--root" in sys.argv:
    ROOT = os.path.realpath(sys.argv[sys.argv.index("--root") + 1])
SKIP_DIRS = {".git", "target", "data", "node_modules", ".idea", ".vscode"}
COMMENTED = {".java": "c", ".js": "c", ".yml": "hash", ".yaml": "hash", ".sh": "hash",
             ".properties": "hash", ".xml": "xml"}
# Path-like references in comments and inline code: documents (.md) with or without a directory.
DOC_REF = re.compile(r"(?<![\w/.<{$-])((?:\.{1,2}/)*[\w.-]*[\w-]/)*[\w.-]*[A-Za-z0-9_-]\.md\b")
# Other files named with their directory in comments and Markdown: deploy/k8s/create-topics.sh, ../pom.xml
PATH_REF = re.compile(r"(?<![\w/.<{$:-])(?:\.{1,2}/)*(?:[\w.-]+/)+[\w.-]*[A-Za-z0-9_-]"
                      r"\.(?:java|sh|ya?ml|json|xml|py|properties|js|txt)\b")
MD_LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.M)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
# `Account#handle`, `Account#handle(LapseAccount)`, `LifecycleRulesTest#partnerIsTheTopStage()`, `Account#Account`
CLASS_METHOD = re.compile(r"^([A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)*)#([A-Za-z][A-Za-z0-9_]*)(?:\(([A-Z][A-Za-z0-9_]*)?\))?$")
# `Rule.NOT_STRATEGIC`, `Topics.PARTITIONS`: a constant of a class of ours
CLASS_CONSTANT = re.compile(r"^([A-Z][A-Za-z0-9_]*)\.([A-Z][A-Z0-9_]+)$")

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")
    return ok


def repo_files():
    files = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            files.append(os.path.relpath(os.path.join(dirpath, name), ROOT).replace(os.sep, "/"))
    return files


FILES = repo_files()
FILE_SET = set(FILES)
DIR_SET = {"/".join(f.split("/")[:i]) for f in FILES for i in range(1, f.count("/") + 1)}


def kind_of(path):
    name = os.path.basename(path)
    if name == "Dockerfile" or path == ".ci/run":
        return "hash"
    return COMMENTED.get(os.path.splitext(name)[1])


def comments(text, kind):
    """(line number, comment text) for every comment, so string literals are never checked."""
    out = []
    if kind == "hash":
        for n, line in enumerate(text.splitlines(), 1):
            m = re.search(r"(?:^|\s)#(.*)$", line)
            if m:
                out.append((n, m.group(1)))
    elif kind == "xml":
        for m in re.finditer(r"<!--(.*?)-->", text, re.S):
            out.append((text.count("\n", 0, m.start()) + 1, m.group(1)))
    else:  # C-like: skip string, text-block and char literals, keep // and /* */ comments
        i, n = 0, len(text)
        while i < n:
            if text.startswith('"""', i):
                j = text.find('"""', i + 3)
                i = n if j < 0 else j + 3
            elif text[i] in "\"'":
                q, j = text[i], i + 1
                while j < n and text[j] != q and text[j] != "\n":
                    j += 2 if text[j] == "\\" else 1
                i = j + 1
            elif text.startswith("//", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                out.append((text.count("\n", 0, i) + 1, text[i + 2:j]))
                i = j
            elif text.startswith("/*", i):
                j = text.find("*/", i + 2)
                j = n if j < 0 else j
                out.append((text.count("\n", 0, i) + 1, text[i + 2:j]))
                i = j + 2
            else:
                i += 1
    return out


def resolve(base_dir, target):
    """The repository path a relative reference names, or None when it climbs out of the repository."""
    joined = os.path.normpath(os.path.join(ROOT, base_dir, target))
    if joined != ROOT and not joined.startswith(ROOT + os.sep):
        return None
    return os.path.relpath(joined, ROOT).replace(os.sep, "/")


def exists(path):
    return path in FILE_SET or path in DIR_SET or path == "."


def doc_ref_exists(source, ref):
    """A document reference in prose: relative to the file, to the repository root, or (bare
    or module-relative) the tail of a repository path. Never above the repository root."""
    here = os.path.dirname(source)
    for base in (here, ""):
        p = resolve(base, ref)
        if p is None:
            return False, "points outside the repository"
        if exists(p):
            return True, ""
    if not ref.startswith("."):
        if any(f == ref or f.endswith("/" + ref) for f in FILES):
            return True, ""
    return False, "is not in the repository"


def ours(source, refs):
    """The path references that claim to be in this repository: ./ or ../, or a first directory
    that exists beside the file or at the root (so deploy/k8s/x.sh is checked, while another
    project's path such as schema/compose-spec.json or META-INF/x.json is not)."""
    here = os.path.dirname(source)
    for ref in refs:
        text = ref.group(0)
        first = text.split("/")[0]
        if text.startswith(".") or first in DIR_SET or (here and f"{here}/{first}" in DIR_SET):
            yield ref


SLUG_CACHE = {}


def slugs(path):
    """GitHub's heading anchors of a Markdown file."""
    if path not in SLUG_CACHE:
        found, seen = set(), {}
        text = re.sub(r"^(```|~~~).*?^\1", "", read(path), flags=re.S | re.M)
        for m in re.finditer(r"^#{1,6}\s+(.*?)\s*#*\s*$", text, re.M):
            title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(1))
            slug = re.sub(r"[^\w\- ]", "", title.lower().replace("`", "")).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
        for m in re.finditer(r"<a\s+(?:name|id)=\"([^\"]+)\"", text):
            found.add(m.group(1))
        SLUG_CACHE[path] = found
    return SLUG_CACHE[path]


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
        return f.read()


def strip_fences(text):
    """Markdown without fenced code blocks (shell examples are not links), line numbers kept."""
    return re.sub(r"^(```|~~~).*?^\1", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S | re.M)


def check_markdown(path):
    text = strip_fences(read(path))
    here = os.path.dirname(path)
    targets = [(m.start(), m.group(1)) for m in MD_LINK.finditer(text)]
    targets += [(m.start(), m.group(1)) for m in MD_REF_DEF.finditer(text)]
    for pos, target in targets:
        line = text.count("\n", 0, pos) + 1
        where = f"{path}:{line}: link {target}"
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):   # http:, https:, mailto:, ...
            continue
        file_part, _, anchor = target.partition("#")
        if file_part:
            p = resolve(here, file_part)
            if not check(p is not None, f"{where} points outside the repository"):
                continue
            if not check(exists(p), f"{where} is not in the repository"):
                continue
        else:
            p = path
        if anchor and p.endswith(".md") and p in FILE_SET:
            check(anchor.lower() in slugs(p), f"{where}: {p} has no heading #{anchor}")
    # Documents named in prose or inline code, once the links and URLs themselves are blanked out.
    prose = MD_LINK.sub(lambda m: m.group(0).replace(m.group(1), " " * len(m.group(1))), text)
    prose = re.sub(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+", lambda m: " " * len(m.group(0)), prose)
    for ref in [*DOC_REF.finditer(prose), *ours(path, PATH_REF.finditer(prose))]:
        ok, why = doc_ref_exists(path, ref.group(0))
        check(ok, f"{path}:{text.count(chr(10), 0, ref.start()) + 1}: names {ref.group(0)}, which {why}")
    for m in CODE_SPAN.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        span = m.group(1).strip()
        if span.startswith("../") and not DOC_REF.search(span):
            check(resolve(here, span.split()[0]) is not None, f"{path}:{line}: `{span}` points outside the repository")
        constant = CLASS_CONSTANT.match(span)
        if constant:
            check_constant(path, line, constant.group(1), constant.group(2))
        cm = CLASS_METHOD.match(span)
        if cm:
            check_class_method(path, line, cm.group(1), cm.group(2), cm.group(3))


JAVA = [f for f in FILES if f.endswith(".java") and "/src/" in "/" + f]


def check_class_method(path, line, cls, method, parameter):
    """The class has a .java file in a src/ tree and declares the method (taking `parameter` first, if named)."""
    outer = cls.split(".")[0]
    sources = [f for f in JAVA if os.path.basename(f) == outer + ".java"]
    ref = f"`{cls}#{method}" + (f"({parameter})`" if parameter else "`")
    if not check(bool(sources), f"{path}:{line}: {ref}: no {outer}.java in the source tree"):
        return
    declared = re.compile(r"\b" + re.escape(method) + r"\s*\(\s*"
                          + (r"(?:final\s+)?(?:@\w+\s+)*" + re.escape(parameter) + r"\b" if parameter else ""))
    check(any(declared.search(read(f)) for f in sources),
          f"{path}:{line}: {ref}: {outer}.java declares no such method")


def check_constant(path, line, cls, name):
    sources = [f for f in JAVA if os.path.basename(f) == cls + ".java"]
    if not sources:
        return   # not one of our classes (a JDK or library constant): nothing to check
    declared = re.compile(r"\b" + re.escape(name) + r"\b\s*[(,;=]")
    check(any(declared.search(read(f)) for f in sources),
          f"{path}:{line}: `{cls}.{name}`: {cls}.java declares no constant {name}")


def check_comments(path, kind):
    for start, comment in comments(read(path), kind):
        for ref in [*DOC_REF.finditer(comment), *ours(path, PATH_REF.finditer(comment))]:
            ok, why = doc_ref_exists(path, ref.group(0))
            line = start + comment.count("\n", 0, ref.start())
            check(ok, f"{path}:{line}: comment names {ref.group(0)}, which {why}")
        for ref in re.finditer(r"(?<![\w.])(?:\.\./)+[\w./-]+", comment):
            if DOC_REF.search(ref.group(0)):
                continue   # a document: checked above
            line = start + comment.count("\n", 0, ref.start())
            check(resolve(os.path.dirname(path), ref.group(0)) is not None,
                  f"{path}:{line}: comment names {ref.group(0)}, which points outside the repository")


# A made-up repository: each broken reference must fail with the message named beside it.
SELF_TEST_FILES = {
    "README.md": "# Top\n\n## Known limits\n[ok](docs/a.md#a-heading) [ok](#known-limits) [web](https://example.com/x.md)\n"
                 "[gone](docs/missing.md) [anchor](docs/a.md#no-such-heading) [out](../outside.md)\n"
                 "See `../shared/notes/x.md` and DOMAIN.md.\n```\n[in a fence](not-checked.md)\n```\n",
    "docs/a.md": "# A heading\n`Thing#run` `Thing#run(String)` `Thing.LIMIT` `Thing#fly` `Gone#run` `Thing.NOPE`\n",
    "src/main/java/Thing.java": "/** See docs/a.md and ../../../../shared/STYLE.md and STYLE.md. */\n"
                                "class Thing { static final int LIMIT = 1; void run(String s) { String t = \"NOT.md\"; } }\n",
    "app.yml": "# Cooperative (scale-out.md section 4), see docs/a.md\nkey: not-a-comment.md\n"
               "# run src/main/java/Thing.java, not src/main/gone.sh; META-INF/spring.json is another project's\n",
}
SELF_TEST_FAILS = [
    "README.md:5: link docs/missing.md is not in the repository",
    "README.md:5: link docs/a.md#no-such-heading: docs/a.md has no heading #no-such-heading",
    "README.md:5: link ../outside.md points outside the repository",
    "README.md:6: names ../shared/notes/x.md, which points outside the repository",
    "README.md:6: names DOMAIN.md, which is not in the repository",
    "docs/a.md:2: `Thing#fly`: Thing.java declares no such method",
    "docs/a.md:2: `Gone#run`: no Gone.java in the source tree",
    "docs/a.md:2: `Thing.NOPE`: Thing.java declares no constant NOPE",
    "src/main/java/Thing.java:1: comment names ../../../../shared/STYLE.md, which points outside the repository",
    "src/main/java/Thing.java:1: comment names STYLE.md, which is not in the repository",
    "app.yml:1: comment names scale-out.md, which is not in the repository",
    "app.yml:3: comment names src/main/gone.sh, which is not in the repository",
]


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in SELF_TEST_FILES.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, name)) or tmp, exist_ok=True)
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        run = subprocess.run([sys.executable, os.path.abspath(__file__), "--root", tmp],
                             capture_output=True, text=True)
        fails = [line[5:] for line in run.stdout.splitlines() if line.startswith("FAIL ")]
        check(run.returncode == 1, f"self-test: a repository with broken references exits 1 (got {run.returncode})")
        for expected in SELF_TEST_FAILS:
            check(expected in fails, f"self-test: expected failure not reported: {expected}")
        for reported in fails:
            check(reported in SELF_TEST_FAILS, f"self-test: unexpected failure: {reported}")
        for name in [n for n in SELF_TEST_FILES if n != "README.md"]:
            os.remove(os.path.join(tmp, name))
        with open(os.path.join(tmp, "README.md"), "w") as f:
            f.write("# Top\n[self](#top) [web](https://example.com/)\n")
        clean = subprocess.run([sys.executable, os.path.abspath(__file__), "--root", tmp],
                               capture_output=True, text=True)
        check(clean.returncode == 0, f"self-test: a sound repository passes: {clean.stdout.strip()}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if "--self-test" in sys.argv:
    self_test()

for f in FILES:
    if f.endswith(".md"):
        check_markdown(f)
    elif kind_of(f):
        check_comments(f, kind_of(f))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
