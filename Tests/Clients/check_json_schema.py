#!/usr/bin/env python3
"""Validates every content file's front matter against the exported JSON Schema with the
`jsonschema` package (what YAML tooling does in an editor). Prints one line per problem and
exits 1 when there is any.

usage: check_json_schema.py SCHEMA_DIR CONTENT_DIR
"""
import datetime
import json
import pathlib
import sys

import jsonschema
import yaml

SECTIONS = {"seminars": "seminar", "needs": "need", "companies": "company", "guides": "guide",
            "news": "news", "pages": "page", "glossary": "glossary"}


def plain(value):
    """YAML timestamps as the ISO text an editor wrote."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def front_matter(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    return plain(yaml.safe_load("\n".join(lines[1:end])) or {})


def main():
    schema_dir, content_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    validators = {}
    for name in set(SECTIONS.values()):
        schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema)
    problems, checked = 0, 0
    for path in sorted(content_dir.glob("*/*.md")):
        validator = validators[SECTIONS[path.parent.name]]
        checked += 1
        for error in validator.iter_errors(front_matter(path)):
            where = "/".join(str(part) for part in error.absolute_path) or "(front matter)"
            print(f"{path}: {where}: {error.message}")
            problems += 1
    print(f"{checked} files checked against the JSON Schema, {problems} problems")
    return 1 if problems or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
