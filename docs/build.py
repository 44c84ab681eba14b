#!/usr/bin/env python3
"""Builds the HTML API reference of include/temporal.h with Doxygen, and fails on any item
without documentation.

    docs/build.py               target/docs/html (and target/docs/xml, which the check reads)
    docs/build.py --self-test   proves the check fails: removes one doc comment at a time from a
                                copy of the header and expects each build to fail naming the item

Two checks, both must pass:
  - Doxygen itself (docs/Doxyfile: WARN_IF_UNDOCUMENTED, WARN_AS_ERROR = FAIL_ON_WARNINGS): an
    undocumented function, type, field or macro, and any documentation error, is a warning and
    fails the run.
  - Every item the header declares, found in the header's own text (cbindgen writes it in one
    fixed layout), must be in Doxygen's XML output with a description. This covers what
    Doxygen does not warn about: enum values (it only can from 1.9.6, WARN_IF_UNDOC_ENUM_VAL;
    Debian 12 has 1.9.4), and a header whose @file comment is missing (Doxygen then documents
    none of the file's members and warns about nothing).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOXYFILE = os.path.join(ROOT, "docs", "Doxyfile")
MAINPAGE = os.path.join(ROOT, "docs", "mainpage.md")
HEADER = os.path.join(ROOT, "include", "temporal.h")
# The first release with WARN_AS_ERROR = FAIL_ON_WARNINGS.
MIN_DOXYGEN = (1, 9, 0)


def fail(message):
    print(f"docs: {message}", file=sys.stderr)
    sys.exit(1)


def doxygen_version():
    if shutil.which("doxygen") is None:
        fail("doxygen is missing (tests/harness/system-packages.sh installs it)")
    out = subprocess.run(["doxygen", "--version"], capture_output=True, text=True).stdout
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", out.strip())
    if not match:
        fail(f"cannot read the doxygen version from {out.strip()!r}")
    version = tuple(int(p) for p in match.groups())
    if version < MIN_DOXYGEN:
        fail(f"doxygen {out.strip()} is too old: {'.'.join(map(str, MIN_DOXYGEN))} or newer is needed")
    return out.strip()


def strip_comments(text):
    """The header with every comment blanked out, line numbers kept."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))
    text = re.sub(r"/\*.*?\*/", blank, text, flags=re.S)
    return re.sub(r"//[^\n]*", blank, text)


def header_items(path):
    """What the header declares, as {(kind, name): line}: kind is file, define, function,
    typedef, enum, enumvalue, struct or field (name "struct.field")."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    items = {("file", os.path.basename(path)): 1}
    lines = strip_comments(text).split("\n")
    guard = None
    body = None  # (kind, name) of the struct or enum whose braces we are inside
    for number, line in enumerate(lines, 1):
        if guard is None and (m := re.match(r"#ifndef\s+(\w+)", line)):
            guard = m.group(1)
        if m := re.match(r"#define\s+(\w+)", line):
            if m.group(1) != guard:
                items[("define", m.group(1))] = number
        elif m := re.match(r"typedef\s+(struct|enum)\s+(\w+)\s*\{", line):
            body = (m.group(1), m.group(2))
            items[body] = number
        elif body and (m := re.match(r"\}\s*(\w+);", line)):
            if m.group(1) != body[1]:
                fail(f"{path}:{number}: {body[0]} {body[1]} is typedef'd as {m.group(1)}")
            body = None
        elif body and body[0] == "enum" and (m := re.match(r"\s+(\w+)\s*(=|,)", line)):
            items[("enumvalue", m.group(1))] = number
        elif body and body[0] == "struct" and (m := re.match(r"\s+[^()]*\(\s*\*\s*(\w+)\s*\)\s*\(", line)):
            # A function-pointer field, e.g. `void *(*metric_new)(void *user_data, ...`.
            items[("field", f"{body[1]}.{m.group(1)}")] = number
        elif body and body[0] == "struct" and (m := re.match(r"\s+[^()]*?\b(\w+)(\[[^\]]*\])?;", line)):
            items[("field", f"{body[1]}.{m.group(1)}")] = number
        elif m := re.match(r"typedef\s+struct\s+\w+\s+(\w+);", line):
            items[("typedef", m.group(1))] = number
        elif m := re.match(r"typedef\s+[^(]*\(\s*\*\s*(\w+)\s*\)", line):
            items[("typedef", m.group(1))] = number
        elif body is None and (m := re.match(r"[A-Za-z_][^#(]*?\b(\w+)\(", line)):
            if not line.startswith("typedef"):
                items[("function", m.group(1))] = number
        elif re.match(r"typedef\b", line):
            fail(f"{path}:{number}: a typedef this check does not know: {line.strip()}")
    if body:
        fail(f"{path}: {body[0]} {body[1]} is not closed")
    return items


def described(element):
    """Whether a compound or member has a brief or detailed description."""
    text = ""
    for tag in ("briefdescription", "detaileddescription"):
        node = element.find(tag)
        if node is not None:
            text += "".join(node.itertext())
    return bool(text.strip())


def reference_items(xml_dir):
    """What Doxygen documented, as {(kind, name): described}, kinds as in header_items."""
    items = {}
    index = ET.parse(os.path.join(xml_dir, "index.xml")).getroot()
    for compound in index.findall("compound"):
        kind = compound.get("kind")
        if kind not in ("file", "struct"):
            continue
        name = compound.find("name").text
        if kind == "file" and not name.endswith(".h"):
            continue
        definition = ET.parse(os.path.join(xml_dir, compound.get("refid") + ".xml")).getroot().find("compounddef")
        items[(kind, name)] = described(definition)
        for member in definition.iter("memberdef"):
            member_kind = member.get("kind")
            member_name = member.find("name").text
            if kind == "struct":
                items[("field", f"{name}.{member_name}")] = described(member)
                continue
            items[(member_kind, member_name)] = described(member)
            for value in member.findall("enumvalue"):
                items[("enumvalue", value.find("name").text)] = described(value)
    return items


def run_doxygen(header, out_dir, version):
    """Runs Doxygen on `header` into out_dir; returns (ok, its warnings and this check's
    findings, the number of items checked)."""
    # No output of an earlier run may stand in for this one's.
    for sub in ("html", "xml"):
        shutil.rmtree(os.path.join(out_dir, sub), ignore_errors=True)
    os.makedirs(out_dir, exist_ok=True)
    with open(DOXYFILE, encoding="utf-8") as f:
        config = f.read()
    # Later settings win: the input and output of this run, and the version shown on each page.
    config += f'\nINPUT = "{header}" "{MAINPAGE}"\nUSE_MDFILE_AS_MAINPAGE = "{MAINPAGE}"\n'
    config += f'OUTPUT_DIRECTORY = "{out_dir}"\n'
    config += f'PROJECT_NUMBER = "{version}"\n'
    proc = subprocess.run(["doxygen", "-"], input=config, capture_output=True, text=True, cwd=ROOT)
    findings = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    ok = proc.returncode == 0
    if not ok and not findings:
        findings.append(f"doxygen exited with status {proc.returncode}")

    expected = header_items(header)
    try:
        documented = reference_items(os.path.join(out_dir, "xml"))
    except (OSError, ET.ParseError) as e:
        return False, findings + [f"cannot read Doxygen's XML output: {e}"], len(expected)
    shown = os.path.relpath(header, ROOT) if header.startswith(ROOT + os.sep) else header
    for (kind, name), line in sorted(expected.items(), key=lambda item: item[1]):
        if (kind, name) not in documented:
            what = "the @file comment is missing" if kind == "file" else "missing from the reference"
            findings.append(f"{shown}:{line}: error: {kind} {name}: {what}")
            ok = False
        elif not documented[(kind, name)]:
            findings.append(f"{shown}:{line}: error: {kind} {name} is not documented")
            ok = False
    for kind, name in sorted(documented):
        if (kind, name) not in expected:
            # The header's reading above missed something: fix header_items.
            findings.append(f"{shown}: error: the reference has {kind} {name}, which this check did not find in the header")
            ok = False
    return ok, findings, len(expected)


def version_of(header):
    with open(header, encoding="utf-8") as f:
        match = re.search(r'^#define TEMPORAL_FFI_VERSION "([^"]+)"', f.read(), re.M)
    return match.group(1) if match else "unknown"


def build(out_dir):
    doxygen = doxygen_version()
    ok, findings, count = run_doxygen(HEADER, out_dir, version_of(HEADER))
    for line in findings:
        print(line, file=sys.stderr)
    if not ok:
        fail(f"the API reference has {len(findings)} problem(s) (above); every item of include/temporal.h needs a doc comment (the Rust doc comments in src/ffi)")
    print(f"docs: {count} items of include/temporal.h documented (doxygen {doxygen}); reference: {os.path.relpath(out_dir, ROOT)}/html/index.html")


def doc_comment_before(lines, pattern):
    """Index range of the /** ... */ comment that ends right above the first line matching
    pattern."""
    for i, line in enumerate(lines):
        if re.search(pattern, line):
            end = i - 1
            if end < 0 or not lines[end].strip().endswith("*/"):
                break
            start = end
            while start >= 0 and not lines[start].lstrip().startswith("/**"):
                start -= 1
            if start >= 0:
                return start, end + 1
            break
    return None


def doc_comment_containing(lines, pattern):
    """Index range of the /** ... */ comment that contains a line matching pattern."""
    for i, line in enumerate(lines):
        if re.search(pattern, line):
            start = i
            while start >= 0 and not lines[start].lstrip().startswith("/**"):
                start -= 1
            end = i
            while end < len(lines) and "*/" not in lines[end]:
                end += 1
            if start >= 0 and end < len(lines):
                return start, end + 1
            break
    return None


# (the header copy, how to find the comment to remove, its pattern, what the failure must name)
SELF_TEST_CASES = [
    ("without a function's comment", doc_comment_before, r"^struct temporal_error \*temporal_call_wait\(", "temporal_call_wait"),
    ("without a struct's comment", doc_comment_before, r"^typedef struct temporal_retry_policy \{", "temporal_retry_policy"),
    ("without a field's comment", doc_comment_before, r"^  uint64_t connect_timeout_ms;", "connect_timeout_ms"),
    ("without an enum's comment", doc_comment_before, r"^typedef enum temporal_grpc_compression \{", "temporal_grpc_compression"),
    ("without an error code's comment", doc_comment_before, r"^  TEMPORAL_ERROR_CODE_SHUTDOWN = ", "TEMPORAL_ERROR_CODE_SHUTDOWN"),
    ("without an enum value's comment", doc_comment_before, r"^  TEMPORAL_LOG_LEVEL_TRACE = ", "TEMPORAL_LOG_LEVEL_TRACE"),
    ("without a macro's comment", doc_comment_before, r"^#define TEMPORAL_TIMEOUT_NONE ", "TEMPORAL_TIMEOUT_NONE"),
    ("without a version macro's @def comment", doc_comment_containing, r"@def TEMPORAL_FFI_SONAME$", "TEMPORAL_FFI_SONAME"),
    ("without an opaque type's comment", doc_comment_before, r"^typedef struct temporal_client temporal_client;", "temporal_client"),
    ("without a callback type's comment", doc_comment_before, r"^typedef void \(\*temporal_log_callback\)", "temporal_log_callback"),
    ("without the @file comment", doc_comment_containing, r"@file temporal\.h", "temporal.h"),
]


def self_test():
    doxygen = doxygen_version()
    with open(HEADER, encoding="utf-8") as f:
        original = f.read().split("\n")
    failures = []
    with tempfile.TemporaryDirectory(prefix="temporal-ffi-docs-") as tmp:
        def attempt(label, lines):
            case_dir = os.path.join(tmp, re.sub(r"\W+", "-", label))
            os.makedirs(case_dir)
            header = os.path.join(case_dir, "temporal.h")
            with open(header, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            return run_doxygen(header, os.path.join(case_dir, "out"), version_of(HEADER))

        ok, findings, _ = attempt("unchanged", original)
        if not ok:
            failures.append("the unchanged copy of the header fails: " + "; ".join(findings[:5]))
        else:
            print("docs self-test: the unchanged header passes")

        cases = list(SELF_TEST_CASES)
        # A documentation error, not a missing comment: Doxygen's own warnings must fail too.
        cases.append(("with an unknown command in a comment", None, r"^struct temporal_error \*temporal_call_wait\(", "unknown command"))
        for label, locate, pattern, named in cases:
            lines = list(original)
            if locate is None:
                span = doc_comment_before(lines, pattern)
                if span:
                    lines.insert(span[1] - 1, " * See @nosuchcommand.")
            else:
                span = locate(lines, pattern)
                if span:
                    del lines[span[0]:span[1]]
            if not span:
                failures.append(f"{label}: no doc comment found for /{pattern}/ (the header changed: update SELF_TEST_CASES)")
                continue
            ok, findings, _ = attempt(label, lines)
            naming = [line for line in findings if named in line]
            if ok:
                failures.append(f"{label}: the build still passed")
            elif not naming:
                failures.append(f"{label}: the build failed but no message names {named}: " + "; ".join(findings[:5]))
            else:
                print(f"docs self-test: {label}, the build fails: {naming[0]}")
    for failure in failures:
        print(f"docs self-test: FAIL {failure}", file=sys.stderr)
    total = len(SELF_TEST_CASES) + 2
    print(f"docs self-test: {total - len(failures)} of {total} cases as expected (doxygen {doxygen})")
    if failures:
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--self-test", action="store_true", help="prove that an undocumented item fails the build")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "docs"), help="output directory (default target/docs)")
    args = parser.parse_args()
    if args.self_test:
        self_test()
    else:
        build(os.path.abspath(args.out))


if __name__ == "__main__":
    main()
