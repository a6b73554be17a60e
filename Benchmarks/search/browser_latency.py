#!/usr/bin/env python3
"""Query latency in headless Chromium (Debian `chromium` + `chromium-driver`, Selenium from PyPI).

Usage: browser_latency.py SITE OUT_JSON [--runs R] [--pagefind] QUERY...

Serves SITE on 127.0.0.1 (an in-process threaded http.server on a free port, stopped at the
end), then for each query and each run starts a fresh Chromium with an empty profile (a cold
HTTP cache) and opens

  * ours:      /search/?q=QUERY   (the site's own search page; it renders the first 10 results)
  * pagefind:  /__bench/pagefind.html?q=QUERY (with --pagefind and when SITE/pagefind/ exists:
               a minimal page, <html lang="ja">, that imports /pagefind/pagefind.js with its
               defaults, runs search(q), loads .data() of the top 5 and renders them; served by
               this script, not written into SITE)

A script injected before any page script (CDP Page.addScriptToEvaluateOnNewDocument) watches the
DOM with a MutationObserver and records performance.now() -- milliseconds since the navigation
started -- when the first result element appears (`first_result_ms`), and again in the next
animation frame (`first_frame_ms`). The figure reported is the median over the runs.
Writes OUT_JSON; {"available": false, "reason": ...} when Chromium, the driver or Selenium is
missing.
"""
import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import quote

PF_PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Pagefind latency</title></head>
<body><p id="status">…</p><ol id="results"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get('q') || '';
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
try {
  const pf = await import('/pagefind/pagefind.js');
  const r = await pf.search(q);
  const top = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  document.getElementById('status').textContent = `${r.results.length} results`;
  document.getElementById('results').innerHTML = top.map((d) =>
    `<li class="pf-result"><a href="${esc(d.url)}">${esc(d.meta?.title || d.url)}</a><p>${d.excerpt}</p></li>`).join('');
} catch (e) {
  document.getElementById('status').textContent = 'ERROR ' + e;
}
</script></body></html>
"""

WATCH = """
(() => {
  const SEL = %s;
  const check = () => {
    if (window.__benchFirst !== undefined) return;
    if (document.querySelector(SEL)) {
      window.__benchFirst = performance.now();
      requestAnimationFrame(() => { window.__benchFrame = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
"""

SELECTORS = {
    "ours": "[data-search-results] li.card",
    "pagefind": "#results li.pf-result",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        if self.path.startswith("/__bench/pagefind.html"):
            body = PF_PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


Handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                          ".wasm": "application/wasm", ".pagefind": "application/octet-stream",
                          ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
                          ".pf_fragment": "application/octet-stream", ".gz": "application/gzip"}


def find(*names):
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("out")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pagefind", action="store_true")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("queries", nargs="+")
    a = ap.parse_args()

    chromium = find("chromium", "chromium-browser")
    driver_bin = find("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        webdriver = None
    if not chromium or not driver_bin or webdriver is None:
        reason = "missing: " + ", ".join(n for n, ok in (("chromium", chromium), ("chromedriver", driver_bin), ("selenium", webdriver)) if not ok)
        json.dump({"available": False, "reason": reason}, open(a.out, "w"))
        print(f"browser latency skipped ({reason})", file=sys.stderr)
        return
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    tools = ["ours"]
    if a.pagefind and os.path.isfile(os.path.join(a.site, "pagefind", "pagefind.js")):
        tools.append("pagefind")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=a.site))
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    out = {"available": True, "chromium": version, "selenium": __import__("selenium").__version__,
           "runs": a.runs, "server": "python http.server (ThreadingHTTPServer) on 127.0.0.1", "tools": {}}
    try:
        for tool in tools:
            rows = []
            for q in a.queries:
                path = ("/search/?q=" if tool == "ours" else "/__bench/pagefind.html?q=") + quote(q)
                runs = []
                for _ in range(a.runs):
                    runs.append(measure(webdriver, Service, chromium, driver_bin, f"http://127.0.0.1:{port}{path}",
                                        SELECTORS[tool], a.timeout))
                ok = [r for r in runs if r.get("first_result_ms") is not None]
                rows.append({
                    "query": q, "url": path, "runs": runs,
                    "median_first_result_ms": round(statistics.median(r["first_result_ms"] for r in ok), 1) if ok else None,
                    "median_first_frame_ms": round(statistics.median(r["first_frame_ms"] for r in ok if r.get("first_frame_ms") is not None), 1)
                    if any(r.get("first_frame_ms") is not None for r in ok) else None,
                })
                print(f"  {tool:8s} {q}: {rows[-1]['median_first_result_ms']} ms (runs: {[r.get('first_result_ms') for r in runs]})", file=sys.stderr)
            out["tools"][tool] = rows
    finally:
        server.shutdown()
        server.server_close()
    with open(a.out, "w") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)


def measure(webdriver, Service, chromium, driver_bin, url, selector, timeout):
    prof = tempfile.mkdtemp(prefix="kb-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--window-size=1280,900", f"--user-data-dir={prof}"):
        opts.add_argument(arg)
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_bin), options=opts)
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH % json.dumps(selector)})
        t0 = time.monotonic()
        driver.get(url)
        deadline = t0 + timeout
        first = frame = None
        while time.monotonic() < deadline:
            first, frame = driver.execute_script("return [window.__benchFirst, window.__benchFrame];")
            if first is not None and frame is not None:
                break
            time.sleep(0.01)
        wall = (time.monotonic() - t0) * 1000
        nav = driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "return n ? {response_end: n.responseEnd, dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd} : null;")
        res = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => [new URL(e.name).pathname, e.transferSize, e.encodedBodySize]);")
        count = driver.execute_script("return document.querySelectorAll(arguments[0]).length;", selector)
        urls = driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0] + ' a[href]'), a => new URL(a.href).pathname);", selector)
        return {
            "first_result_ms": None if first is None else round(first, 1),
            "first_frame_ms": None if frame is None else round(frame, 1),
            "selenium_wall_ms": round(wall, 1),
            "navigation": {k: round(v, 1) for k, v in (nav or {}).items()},
            "results_rendered": count,
            "result_urls": urls,
            "resources": len(res),
            "resource_body_bytes": sum(r[2] for r in res),
            "resource_transfer_bytes": sum(r[1] for r in res),
        }
    except Exception as e:  # noqa: BLE001 -- recorded, the run goes on
        return {"first_result_ms": None, "error": f"{type(e).__name__}: {e}"[:500]}
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(prof, ignore_errors=True)


if __name__ == "__main__":
    main()
