"""``--output-format junit``: one testcase per finding (CI dashboards)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from readme_lint.core.diagnostics import Diagnostic
from readme_lint.output.report import FileReport

# Characters XML 1.0 cannot carry, even escaped: written as \uXXXX instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def junit_document(files: Sequence[FileReport]) -> str:
    """testsuites > a testsuite per file > a testcase per rule that found something, with a
    <failure> per finding; a clean file is one passing testcase."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="readme-lint")
    total_tests = total_failures = 0
    for f in files:
        path = _xml_text(f.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        by_rule: dict[tuple[str, str], list[Diagnostic]] = {}
        for d in f.findings:
            by_rule.setdefault((d.code, d.rule), []).append(d)
        for (code, name), found in sorted(by_rule.items()):
            case = ET.SubElement(suite, "testcase", name=f"{code} {name}", classname=path)
            for d in sorted(found, key=lambda d: (d.line, d.column)):
                failure = ET.SubElement(case, "failure", message=_xml_text(d.message), type=code)
                failure.text = _xml_text(f"{f.path}:{d.line}:{d.column}: {d.message}")
        if not by_rule:
            ET.SubElement(suite, "testcase", name="readme-lint", classname=path)
        tests = max(len(by_rule), 1)
        suite.attrib.update(tests=str(tests), failures=str(len(by_rule)), errors="0", skipped="0")
        total_tests += tests
        total_failures += len(by_rule)
    root.attrib.update(tests=str(total_tests), failures=str(total_failures), errors="0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
