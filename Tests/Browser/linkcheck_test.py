#!/usr/bin/env python3
"""LinkChecker over the served site: no broken internal link or anchor.

    python3 Tests/Browser/linkcheck_test.py SITE_DIR [--start=/PATH] [--depth=N]

Serves SITE_DIR on 127.0.0.1 and runs `linkchecker` (PyPI LinkChecker) from the home page,
recursively, external links not checked, with its AnchorCheck plugin on (set in a config file:
a link to page#id fails when page has no element with that id or name). Fails listing each broken
URL or anchor and the page (with line and column) that links to it.
"""

import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from e2e_support import CheckFailed, SiteServer, append_summary, fail_unless, run  # noqa: E402

CONFIG = """\
[checking]
threads=4
timeout=20
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
log=csv
verbose=1
warnings=1
[csv]
separator=;
[AnchorCheck]
"""

KEEP_USER = """
import sys
import linkcheck.command.linkchecker as command
command.drop_privileges = lambda: None
sys.argv = sys.argv[1:]
command.linkchecker()
"""


def linkchecker_rows(origin, start="/", depth=None):
    with tempfile.TemporaryDirectory(prefix="kirameki-linkcheck-") as folder:
        config = os.path.join(folder, "linkcheckerrc")
        with open(config, "w", encoding="utf-8") as f:
            f.write(CONFIG)
        arguments = ["-f", config, "--no-status", origin + start]
        if depth is not None:
            arguments[:0] = ["--recursion-level", str(depth)]
        command = ["linkchecker"] + arguments
        if os.geteuid() == 0:
            # As root (CI), linkchecker switches to the user nobody before it loads its plugins,
            # which then cannot list them under root's Python: AnchorCheck would silently be off.
            command = [sys.executable, "-c", KEEP_USER, "linkchecker"] + arguments
        done = subprocess.run(command,
                              capture_output=True, text=True, timeout=600)
    # comment lines start with "# "; a row's first column (the link as written) may start with "#"
    lines = [l for l in done.stdout.splitlines() if l and l != "#" and not l.startswith("# ")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    fail_unless(rows, origin + "/", "linkchecker reported the URLs it checked (exit "
                f"{done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return rows


def where(row, origin):
    parent = (row.get("parentname") or "(start)").replace(origin, "")
    return f"{parent} (line {row.get('line')}, column {row.get('column')})"


def check(site_dir, flags):
    fail_unless(shutil.which("linkchecker"), "(setup)",
                "the linkchecker command (pip install LinkChecker; run scripts/test, which installs it)")
    with SiteServer(site_dir) as server:
        origin = server.origin
        depth = flags.get("--depth")
        rows = linkchecker_rows(origin, flags.get("--start") or "/", int(depth) if depth else None)
    broken = []
    for row in rows:
        url = (row.get("url") or row.get("urlname") or "").replace(origin, "")
        if row.get("valid") != "True":
            broken.append(f"{where(row, origin)}: broken link {row.get('urlname')} → {row.get('result')}")
        elif "Anchor" in (row.get("warningstring") or ""):
            anchor = row["warningstring"].split("Available anchors")[0].strip()
            broken.append(f"{where(row, origin)}: broken anchor in {url}: {anchor}")
    if broken:
        raise CheckFailed(f"{len(broken)} links", "linkchecker found broken internal links or anchors:\n  "
                          + "\n  ".join(broken[:60]) + (f"\n  … and {len(broken) - 60} more" if len(broken) > 60 else ""))
    urls = [urllib.parse.urlsplit(r.get("url") or "") for r in rows]
    pages = len({u.path for u in urls if u.netloc == urllib.parse.urlsplit(origin).netloc
                 and (u.path.endswith("/") or u.path.endswith(".html"))})
    anchors = sum(1 for u in urls if u.fragment)
    line = (f"linkchecker: {len(rows)} distinct links checked ({anchors} anchors) across {pages} pages, "
            f"0 broken links or anchors")
    if not flags:
        append_summary(line)
    return line


if __name__ == "__main__":
    sys.exit(run("link check", check, sys.argv, modules=()))
