#!/usr/bin/env python3
"""Every rule a lint ruleset here changes (turns off, or sets to another severity) carries its reason:
a comment of a few words right above it. Usage: check-rulesets.py FILE...; --self-test shows the check
still refuses a rule changed without one."""
import re
import sys

RULE = re.compile(r"^(\s+)([\w@/.-]+):")


def unexplained(text):
    """The rules under the top-level `rules:` key that have no comment of at least five words above them."""
    missing, in_rules, indent, comment = [], False, None, []
    for line in text.splitlines():
        if line.strip().startswith("#"):
            comment.append(line.strip().lstrip("#").strip())
            continue
        if re.match(r"^\S", line):  # a top-level key ends the rules
            in_rules, indent = line.startswith("rules:"), None
        elif in_rules and (rule := RULE.match(line)) and indent in (None, rule.group(1)):
            indent = rule.group(1)  # a rule's own settings, indented deeper, are not rules
            if len(" ".join(comment).split()) < 5:
                missing.append(rule.group(2))
        comment = []
    return missing


def self_test():
    assert unexplained("extends: [spectral:oas]\nrules:\n  # Off: these documents omit servers on purpose.\n"
                       "  oas3-api-servers: off\n") == []
    assert unexplained("rules:\n  oas3-api-servers: off\n") == ["oas3-api-servers"]
    assert unexplained("rules:\n  # off\n  info-contact: off\n") == ["info-contact"], "too short a reason"
    assert unexplained("rules:\n  # A reason of enough words here.\n  a: off\n\n  b: warn\n") == ["b"]
    assert unexplained("# A comment above the key rules is no reason.\nrules:\n  a: off\n") == ["a"]
    assert unexplained("rules:\n  # A reason of enough words here.\n  a:\n    severity: warn\n  b: off\n") == ["b"]
    print("check-rulesets self-test: every kind of unexplained rule is refused")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        sys.exit(0)
    failures = [f"{path}: rule {rule} is changed without a reason in a comment right above it"
                for path in sys.argv[1:] for rule in unexplained(open(path, encoding="utf-8").read())]
    print("\n".join(failures) or f"lint rulesets: every changed rule has its reason ({', '.join(sys.argv[1:])})",
          file=sys.stderr if failures else sys.stdout)
    sys.exit(1 if failures else 0)
