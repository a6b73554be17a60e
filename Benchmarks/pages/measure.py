#!/usr/bin/env python3
"""Page weight and time to first search result in headless Chromium (the page-speed benchmark).

    python3 Benchmarks/pages/measure.py SITE_DIR OUT_MD [--runs N] [--query TEXT] [--label TEXT]

Serves SITE_DIR on 127.0.0.1 and, for the home page, a guide and the search page with a query,
loads each in a fresh headless Chromium (empty profile: a cold cache) RUNS times and measures:
  - requests: responses seen in the DevTools performance log (Network.responseReceived), the
    document included; for the search page until the first results are shown and the network has
    been quiet for 0.5 s (the index manifest and shards are fetched by search.js);
  - bytes transferred: the sum of Network.loadingFinished encodedDataLength (headers + body as
    sent over the wire, gzip shards as stored); the Resource Timing API's transferSize sum is
    printed beside it as a cross-check;
  - time to first result (search page only): performance.now() when the first result card is
    inserted, recorded by a MutationObserver set up before any page script runs.
Prints a Markdown table of the medians and writes it to OUT_MD. Not a test: figures only.
"""

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
import urllib.parse

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(REPO, "Tests", "Browser"))
from e2e_support import SiteServer, entry_pages, missing_dependencies, network_events, start_browser  # noqa: E402

FIRST_RESULT = "[data-search-results] li.card"
WATCH = """
(() => {
  const check = () => {
    if (window.__firstResult === undefined && document.querySelector(%r)) window.__firstResult = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
""" % FIRST_RESULT
RESOURCE_BYTES = """
const nav = performance.getEntriesByType('navigation')[0];
return (nav ? nav.transferSize : 0) + performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0);
"""


def load_once(origin, path, wait_for_result):
    driver = start_browser()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
        network_events(driver)  # drain anything from start-up
        driver.get(origin + path)
        deadline = time.monotonic() + 30
        first = None
        while time.monotonic() < deadline:
            done = driver.execute_script("return document.readyState") == "complete"
            if wait_for_result:
                first = driver.execute_script("return window.__firstResult === undefined ? null : window.__firstResult")
                done = done and first is not None
            if done:
                break
            time.sleep(0.05)
        else:
            raise RuntimeError(f"{path}: did not finish loading (or show a result) within 30 s")
        requests, transferred = set(), 0
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < 0.5:  # until the network has been quiet for 0.5 s
            events = network_events(driver)
            if any(m in ("Network.requestWillBeSent", "Network.loadingFinished") for m, _ in events):
                quiet_since = time.monotonic()
            for method, params in events:
                if method == "Network.responseReceived" and not params.get("response", {}).get("url", "").startswith("data:"):
                    requests.add(params.get("requestId"))
                elif method == "Network.loadingFinished":
                    transferred += params.get("encodedDataLength", 0)
            time.sleep(0.1)
        timing_bytes = driver.execute_script(RESOURCE_BYTES)
        return {"requests": len(requests), "bytes": transferred, "timing_bytes": timing_bytes, "first": first}
    finally:
        driver.quit()


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def chromium_version():
    try:
        return subprocess.run(["chromium", "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "chromium (version unknown)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="内視鏡")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    missing = missing_dependencies()
    if missing:
        sys.exit("missing " + ", ".join(missing) + "; run scripts/install-deps test")
    guide = entry_pages(args.site).get("guide")
    if not guide:
        sys.exit(f"{args.site} has no guide entry")
    pages = [("home", "/", False), ("guide", guide, False),
             (f"search ({args.query})", "/search/?" + urllib.parse.urlencode({"q": args.query}), True)]
    rows = []
    with SiteServer(args.site) as server:
        for name, path, is_search in pages:
            runs = [load_once(server.origin, path, is_search) for _ in range(args.runs)]
            rows.append((name, path, median([r["requests"] for r in runs]), median([r["bytes"] for r in runs]),
                         median([r["timing_bytes"] for r in runs]), median([r["first"] for r in runs])))
            print(f"measured {name}: {runs}", file=sys.stderr)

    html_pages = sum(1 for _, _, files in os.walk(args.site) for f in files if f.endswith(".html"))
    lines = [
        "# Page speed",
        "",
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `Benchmarks/pages/run.sh`"
        + (f" ({args.label})" if args.label else "") + f": {html_pages} HTML pages, served by Python's http.server "
        f"on 127.0.0.1 (no compression), {chromium_version()} headless, a cold cache each load, median of "
        f"{args.runs} loads. Bytes are as transferred (headers included; index shards are gzip files).",
        "",
        "| page | path | requests | bytes transferred | (Resource Timing) | time to first result |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, path, requests, transferred, timing, first in rows:
        shown = urllib.parse.unquote(path)
        lines.append(f"| {name} | `{shown}` | {requests:.0f} | {transferred / 1024:.1f} KiB | {timing / 1024:.1f} KiB | "
                     + (f"{first:.0f} ms" if first is not None else "–") + " |")
    lines += ["", "Time to first result: from the start of the navigation to the first result card in the "
              "page (the search page's own HTML, CSS and script, the index manifest, the shards for the "
              "query and the first document chunk)."]
    text = "\n".join(lines) + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
