#!/usr/bin/env python3
"""Reads a built Kirameki site the way real clients do and fails on anything they would reject.

    python3 Tests/Clients/check_feeds.py SITE_DIR

- every .ics file is parsed with `icalendar` (PyPI); each VEVENT needs UID, SUMMARY, DTEND and
  a DTSTART in the Asia/Tokyo time zone;
- every feed.xml is parsed with `feedparser` (PyPI) as Atom; every entry needs id, title, link
  and updated;
- every feed.json is checked as JSON Feed 1.1 (version, title, items with id);
- robots.txt must name the sitemap, which gives the base URL;
- sitemap.xml is parsed with xml.etree; every <loc> and xhtml:link alternate must be a file of
  SITE_DIR (the URL minus the base URL, a trailing "/" meaning index.html), and so must every
  feed entry's link into the site. A sitemap index is followed to its sitemaps; each sitemap
  file holds at most 50,000 URLs and 50 MB, and no URL is listed twice.

Exits 0 with a one-line summary, or 1 naming the file and the check that failed.
Needs: pip install icalendar feedparser
"""

import json
import os
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

try:
    import feedparser
    import icalendar
except ImportError as error:
    sys.exit(
        f"check_feeds.py: missing Python package ({error.name}); "
        "run scripts/test, or: python3 -m pip install icalendar feedparser"
    )

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITEMAP_MAX_URLS = 50000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


class Problem(Exception):
    def __init__(self, path, check):
        super().__init__(f"{path}: {check}")


def site_files(root, name_test):
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name_test(name):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def read_bytes(root, path):
    with open(os.path.join(root, path), "rb") as handle:
        return handle.read()


def tz_name(value):
    tzinfo = getattr(value, "tzinfo", None)
    if tzinfo is None:
        return None
    for attribute in ("key", "zone"):  # zoneinfo.ZoneInfo, pytz
        name = getattr(tzinfo, attribute, None)
        if name:
            return str(name)
    return tzinfo.tzname(value) if isinstance(value, datetime) else None


def check_calendar(root, path):
    data = read_bytes(root, path)
    body = data.replace(b"\r\n", b"")
    if b"\n" in body or b"\r" in body:
        raise Problem(path, "lines must end in CRLF")
    for number, line in enumerate(data.split(b"\r\n"), 1):
        if len(line) > 75:
            raise Problem(path, f"line {number} is longer than 75 octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            raise Problem(path, f"line {number} splits a UTF-8 character")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and others
        raise Problem(path, f"icalendar cannot parse it: {error}")
    for key in ("VERSION", "PRODID"):
        if key not in calendar:
            raise Problem(path, f"VCALENDAR has no {key}")
    events = list(calendar.walk("VEVENT"))
    for event in events:
        uid = str(event.get("UID", ""))
        where = f"VEVENT {uid or '(no UID)'}"
        for key in ("UID", "SUMMARY", "DTSTART", "DTEND", "DTSTAMP"):
            if key not in event:
                raise Problem(path, f"{where} has no {key}")
        for key in ("DTSTART", "DTEND"):
            value = event.decoded(key)
            if tz_name(value) != "Asia/Tokyo":
                raise Problem(path, f"{where} {key} is not in Asia/Tokyo (got {tz_name(value)!r})")
            offset = value.utcoffset()
            if offset is None or offset.total_seconds() != 9 * 3600:
                raise Problem(path, f"{where} {key} is not at +09:00")
        if event.decoded("DTEND") <= event.decoded("DTSTART"):
            raise Problem(path, f"{where} ends before it starts")
    return len(events)


def check_atom(root, base, path):
    parsed = feedparser.parse(read_bytes(root, path))
    if parsed.bozo:
        raise Problem(path, f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        raise Problem(path, f"not Atom 1.0 (feedparser says {parsed.version!r})")
    for key in ("id", "title", "updated"):
        if not parsed.feed.get(key):
            raise Problem(path, f"feed has no {key}")
    for number, entry in enumerate(parsed.entries, 1):
        for key in ("id", "title", "link", "updated"):
            if not entry.get(key):
                raise Problem(path, f"entry {number} has no {key}")
        check_link(root, base, path, f"entry {number} link", entry.link)
    return len(parsed.entries)


def check_json_feed(root, base, path):
    try:
        feed = json.loads(read_bytes(root, path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Problem(path, f"not JSON: {error}")
    if not isinstance(feed, dict):
        raise Problem(path, "the top level is not an object")
    if feed.get("version") != JSON_FEED_VERSION:
        raise Problem(path, f"version is not {JSON_FEED_VERSION}")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        raise Problem(path, "no title")
    items = feed.get("items")
    if not isinstance(items, list):
        raise Problem(path, "no items array")
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise Problem(path, f"item {number} has no id")
        if "content_html" not in item and "content_text" not in item:
            raise Problem(path, f"item {number} has neither content_html nor content_text")
        check_link(root, base, path, f"item {number} url", item.get("url", item["id"]))
    return len(items)


def loc_to_path(loc, base):
    if not loc.startswith(base):
        return None
    rest = loc[len(base):]
    return rest + "index.html" if rest == "" or rest.endswith("/") else rest


def base_url(root):
    """The site's base URL, from the Sitemap line of robots.txt."""
    path = "robots.txt"
    if not os.path.isfile(os.path.join(root, path)):
        raise Problem(path, "missing")
    for line in read_bytes(root, path).decode("utf-8").splitlines():
        if line.startswith("Sitemap: ") and line.endswith("/sitemap.xml"):
            return line[len("Sitemap: "):-len("sitemap.xml")]
    raise Problem(path, "has no 'Sitemap: <base URL>sitemap.xml' line")


def check_link(root, base, path, what, url):
    """A URL of the site must be a file of the site."""
    if not url.startswith(base):
        return
    file = loc_to_path(url, base)
    if not os.path.isfile(os.path.join(root, file)):
        raise Problem(path, f"{what} {url} has no file {file}")


def parse_sitemap_file(root, path):
    if not os.path.isfile(os.path.join(root, path)):
        raise Problem(path, "missing")
    data = read_bytes(root, path)
    if len(data) > SITEMAP_MAX_BYTES:
        raise Problem(path, f"{len(data)} bytes, more than sitemaps.org's {SITEMAP_MAX_BYTES}")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise Problem(path, f"not well-formed XML: {error}")


def check_urlset(root, base, path, tree):
    if tree.tag != SITEMAP_NS + "urlset":
        raise Problem(path, "the root element is not a sitemaps.org urlset")
    locs = [element.text or "" for element in tree.iter(SITEMAP_NS + "loc")]
    if not locs:
        raise Problem(path, "lists no URL")
    if len(locs) > SITEMAP_MAX_URLS:
        raise Problem(path, f"lists {len(locs)} URLs, more than sitemaps.org's {SITEMAP_MAX_URLS}")
    for loc in locs:
        if not loc.startswith(base):
            raise Problem(path, f"<loc>{loc}</loc> is not under {base}")
        check_link(root, base, path, "<loc>", loc)
    for link in tree.iter(XHTML_NS + "link"):
        href = link.get("href", "")
        if link.get("rel") != "alternate" or not link.get("hreflang") or not href.startswith(base):
            raise Problem(path, f"bad xhtml:link {link.attrib}")
        check_link(root, base, path, "alternate", href)
    return locs


def check_sitemap(root, base):
    """sitemap.xml: a urlset, or a sitemap index whose every sitemap is a urlset of the site."""
    path = "sitemap.xml"
    tree = parse_sitemap_file(root, path)
    if tree.tag == SITEMAP_NS + "sitemapindex":
        parts = [element.text or "" for element in tree.iter(SITEMAP_NS + "loc")]
        if not parts:
            raise Problem(path, "indexes no sitemap")
        locs = []
        for part in parts:
            if not part.startswith(base) or part.endswith("/"):
                raise Problem(path, f"<loc>{part}</loc> is not a file under {base}")
            part_path = part[len(base):]
            locs += check_urlset(root, base, part_path, parse_sitemap_file(root, part_path))
    else:
        locs = check_urlset(root, base, path, tree)
    if len(set(locs)) != len(locs):
        raise Problem(path, "lists a URL twice")
    return len(locs)


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: check_feeds.py SITE_DIR", file=sys.stderr)
        return 64
    root = argv[1]
    try:
        calendars = site_files(root, lambda name: name.endswith(".ics"))
        atoms = site_files(root, lambda name: name == "feed.xml")
        jsons = site_files(root, lambda name: name == "feed.json")
        if not calendars or not atoms or not jsons:
            raise Problem(root, "no .ics, feed.xml or feed.json files found")
        base = base_url(root)
        events = sum(check_calendar(root, path) for path in calendars)
        entries = sum(check_atom(root, base, path) for path in atoms)
        items = sum(check_json_feed(root, base, path) for path in jsons)
        urls = check_sitemap(root, base)
    except Problem as problem:
        print(f"check_feeds.py: {problem}", file=sys.stderr)
        return 1
    print(
        f"check_feeds.py: OK: {len(calendars)} calendars ({events} events), "
        f"{len(atoms)} Atom feeds ({entries} entries), {len(jsons)} JSON feeds ({items} items), "
        f"sitemap with {urls} URLs (icalendar {icalendar.__version__}, feedparser {feedparser.__version__})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
