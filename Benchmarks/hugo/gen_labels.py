#!/usr/bin/env python3
"""Writes data/labels.json for the benchmark Hugo site from the project's JSON Schemas.

The labels (ja, en; de falls back to en) and the field kinds come from schema/<type>.schema.json,
which `kirameki schema` exports from Sources/Schema, so the Hugo site shows the same fields
with the same labels as the default theme without copying the vocabularies by hand.
Usage: gen_labels.py [SCHEMA_DIR] [OUT_JSON]
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA_DIR = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "schema"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "data" / "labels.json"

SECTIONS = {
    "seminars": ("seminar", {"ja": "セミナー", "en": "Seminars", "de": "Seminare"}),
    "guides": ("guide", {"ja": "ガイド", "en": "Guides", "de": "Leitfäden"}),
    "companies": ("company", {"ja": "企業", "en": "Companies", "de": "Unternehmen"}),
    "needs": ("need", {"ja": "ニーズ・シーズ", "en": "Needs and seeds", "de": "Bedarfe und Angebote"}),
    "news": ("news", {"ja": "ニュース", "en": "News", "de": "Neuigkeiten"}),
}
TAXONOMIES = ["tags", "focus_areas", "tech_areas", "clinical_areas", "jp_class", "eu_class"]
# Shown elsewhere on the page (title, date line, summary) or never public.
HIDDEN = {"title", "date", "draft", "example", "summary", "source", "submission", "order"}


def split_label(text):
    """'掲載日 / Published' -> {ja, en, de}."""
    ja, _, en = text.partition(" / ")
    en = en or ja
    return {"ja": ja, "en": en, "de": en}


def kind_of(prop):
    items = prop.get("items", {})
    if prop.get("type") == "array":
        if items.get("type") == "object":
            return "sources"
        return "enum_list" if "enum" in items else "list"
    if "enum" in prop:
        return "enum"
    return {"date": "date", "date-time": "datetime", "uri": "url"}.get(prop.get("format"), prop.get("type", "string"))


def values_of(prop):
    source = prop.get("items", prop) if prop.get("type") == "array" else prop
    enum, names = source.get("enum"), source.get("enumDescriptions", [])
    if not enum:
        return None
    return {value: split_label(names[i] if i < len(names) else value) for i, value in enumerate(enum)}


def main():
    out = {"sections": {}, "fields": {}, "taxonomies": {}}
    for section, (type_name, titles) in SECTIONS.items():
        schema = json.loads((SCHEMA_DIR / f"{type_name}.schema.json").read_text())
        out["sections"][section] = titles
        fields = []
        for key, prop in schema["properties"].items():
            values = values_of(prop)
            if key in TAXONOMIES and values:
                out["taxonomies"].setdefault(key, {"label": split_label(prop.get("title", key)), "values": {}})
                out["taxonomies"][key]["values"].update(values)
            if key in HIDDEN or key in TAXONOMIES:
                continue
            field = {"key": key, "kind": kind_of(prop), "label": split_label(prop.get("title", key))}
            if values:
                field["values"] = values
            fields.append(field)
        out["fields"][section] = fields
    out["taxonomies"].setdefault("tags", {"label": {"ja": "タグ", "en": "Tags", "de": "Schlagwörter"}, "values": {}})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
