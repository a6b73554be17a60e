#!/usr/bin/env python3
"""Checks every schema.org JSON-LD block of a built site: it parses as JSON and each object
carries the properties its type requires. Usage: check_structured_data.py SITE_DIR
Exits 1 naming the page and the problem; prints a one-line summary on success."""
import json
import pathlib
import sys
from html.parser import HTMLParser

REQUIRED = {
    "Event": ["name", "startDate", "endDate", "location", "eventAttendanceMode", "eventStatus", "organizer"],
    "Organization": ["name"],
    "Article": ["headline", "datePublished", "publisher"],
    "BreadcrumbList": ["itemListElement"],
}
ATTENDANCE = {f"https://schema.org/{m}EventAttendanceMode" for m in ("Offline", "Online", "Mixed")}
STATUS = {f"https://schema.org/Event{s}" for s in ("Scheduled", "Cancelled", "Postponed", "Rescheduled", "MovedOnline")}


class Blocks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.blocks = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.blocks[-1] += data


def check_object(obj, page, problems, counts):
    kind = obj.get("@type")
    counts[kind] = counts.get(kind, 0) + 1
    for key in REQUIRED.get(kind, []):
        if obj.get(key) in (None, "", []):
            problems.append(f"{page}: {kind} lacks '{key}'")
    if kind == "Event":
        if obj.get("eventAttendanceMode") not in ATTENDANCE:
            problems.append(f"{page}: Event has eventAttendanceMode {obj.get('eventAttendanceMode')!r}")
        if obj.get("eventStatus") not in STATUS:
            problems.append(f"{page}: Event has eventStatus {obj.get('eventStatus')!r}")
    if kind == "BreadcrumbList":
        for position, item in enumerate(obj.get("itemListElement", []), start=1):
            if item.get("position") != position or not item.get("name") or not str(item.get("item", "")).startswith("http"):
                problems.append(f"{page}: BreadcrumbList item {position} is incomplete")


def main():
    site = pathlib.Path(sys.argv[1])
    problems, counts, pages = [], {}, 0
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site)
        parser = Blocks()
        parser.feed(path.read_text(encoding="utf-8"))
        for block in parser.blocks:
            pages += 1
            try:
                data = json.loads(block)
            except json.JSONDecodeError as error:
                problems.append(f"{page}: JSON-LD does not parse: {error}")
                continue
            if data.get("@context") != "https://schema.org":
                problems.append(f"{page}: JSON-LD lacks @context https://schema.org")
            for obj in data.get("@graph", [data]):
                check_object(obj, page, problems, counts)
    if problems:
        print("\n".join(problems[:50]))
        print(f"structured data: {len(problems)} problems")
        return 1
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
    print(f"structured data: {pages} JSON-LD blocks checked ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
