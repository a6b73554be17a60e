#!/usr/bin/env python3
"""End-to-end test of the hub's search in real headless Chromium (Selenium + Debian chromedriver).

    python3 Tests/Browser/search_browser_test.py SITE_DIR

Serves SITE_DIR (a built site) on 127.0.0.1, then in the browser:
  - /search/: half-width ｶﾃｰﾃﾙ finds the catheter seed first, with a <mark> in a snippet;
    hiragana かてーてる gives the same first result; ISO 13485 finds results;
  - ticking the type facet ニーズ・シーズ changes the count, keeps only needs, puts type=need in
    the URL; browser back removes the filter again;
  - opening a result loads its entry page (h1);
  - /companies/: ticking the technology area 光学 in the directory filter shows fewer entries than
    the full list, all of them companies;
  - no page logs a SEVERE console message, and no request fails (HTTP >= 400 or a network error);
    the one exception is the browser's own probe for /favicon.ico (the site links no icon), which
    the summary line mentions when it 404s.

Exit 0 with one summary line on success; exit 1 with a message naming the page and the check on
failure (also when selenium, chromium or chromedriver are missing: scripts/test installs them).
With KIRAMEKI_SCREENSHOTS set, saves screenshots of the results page at 390 px and 1280 px there.
"""

import functools
import json
import os
import re
import shutil
import sys
import threading
import time
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"]
WAIT = 10  # seconds, for any one condition
CATHETER_SEED = "/needs/seed-microtube-catheter/"
CLIENT_ERROR = "検索インデックスを読み込めませんでした"  # the client's load-error status (ja)
INSTALL_HINT = "run scripts/test, which installs them (apt: chromium chromium-driver; pip: selenium)"


class CheckFailed(Exception):
    def __init__(self, page, check):
        super().__init__(f"{page}: {check}")


def fail_unless(condition, page, check):
    if not condition:
        raise CheckFailed(page, check)


# ---------------------------------------------------------------------------------------------
# The static server


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def start_server(site_dir):
    handler = functools.partial(QuietHandler, directory=site_dir)
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    return server, thread


# ---------------------------------------------------------------------------------------------
# The browser


def missing_dependencies():
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the Python package selenium")
    if not os.access(CHROMEDRIVER, os.X_OK):
        missing.append(f"{CHROMEDRIVER} (Debian package chromium-driver)")
    if not any(os.access(p, os.X_OK) for p in CHROMIUM_CANDIDATES) and not shutil.which("chromium"):
        missing.append("chromium (Debian package chromium)")
    return missing


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for p in CHROMIUM_CANDIDATES:
        if os.access(p, os.X_OK):
            options.binary_location = p
            break
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                "--lang=ja", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=CHROMEDRIVER, log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(10)
    return driver


class Session:
    """The driver plus the console and network problems seen so far, checked page by page."""

    def __init__(self, driver, origin):
        self.driver = driver
        self.origin = origin
        self.pages = []
        self.favicon_missing = False

    def url(self, path):
        return self.origin + path

    def path(self):
        parts = urllib.parse.urlsplit(self.driver.current_url)
        return parts.path + (("?" + parts.query) if parts.query else "")

    def wait(self, page, check, condition, timeout=WAIT):
        """Waits until condition(driver) is truthy; fails naming the page and the check (at once
        when the search client reports that it could not load the index)."""
        from selenium.common.exceptions import TimeoutException, WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        def guarded(driver):
            result = condition(driver)
            if not result and CLIENT_ERROR in (self.status_text() or ""):
                raise CheckFailed(page, f"{check}: the search client reports an error: {self.status_text()!r}"
                                  + self.problems_note())
            return result

        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(guarded)
        except TimeoutException:
            raise CheckFailed(page, f"{check} (timed out after {timeout}s; status: "
                                    f"{self.status_text()!r}; url: {self.path()})" + self.problems_note()) from None
        except WebDriverException as err:
            raise CheckFailed(page, f"{check} ({err.msg})") from None

    def problems_note(self):
        severe, failed = self.problems()
        lines = [e.get("message", "") for e in severe] + failed
        return ("; console errors and failed requests:\n  " + "\n  ".join(lines)) if lines else ""

    def status_text(self):
        try:
            return self.driver.execute_script(
                "const s = document.querySelector('[data-search-status], [data-status]');"
                "return s ? s.textContent : null;")
        except Exception:  # noqa: BLE001 - only for the failure message
            return None

    def open(self, path, page, absolute=False):
        self.check_logs()
        self.driver.get(path if absolute else self.url(path))
        self.pages.append(page)
        self.wait(page, "document finished loading",
                  lambda d: d.execute_script("return document.readyState") == "complete")

    def problems(self):
        """The SEVERE console entries and failed requests since the last call (logs are drained)."""
        severe = []
        for e in self.driver.get_log("browser"):
            if e.get("level") != "SEVERE":
                continue
            if e.get("message", "").startswith(self.origin + "/favicon.ico "):
                # the browser's own probe for /favicon.ico (the site links no icon): not a request
                # the site's pages make; noted in the summary line instead
                self.favicon_missing = True
                continue
            severe.append(e)
        failed = []
        requests = {}
        for entry in self.driver.get_log("performance"):
            try:
                message = json.loads(entry["message"])["message"]
            except (KeyError, ValueError):
                continue
            method = message.get("method")
            params = message.get("params", {})
            if method == "Network.requestWillBeSent":
                requests[params.get("requestId")] = params.get("request", {}).get("url", "")
            elif method == "Network.responseReceived":
                response = params.get("response", {})
                if response.get("status", 0) >= 400:
                    failed.append(f"HTTP {response.get('status')} {response.get('url')}")
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                url = requests.get(params.get("requestId"), "?")
                failed.append(f"{params.get('errorText')} {url}")
        failed = [f for f in failed if not f.endswith(self.origin + "/favicon.ico")]
        return severe, failed

    def check_logs(self):
        """Fails on any SEVERE console entry or failed request since the last check."""
        page = self.pages[-1] if self.pages else "(before the first page)"
        severe, failed = self.problems()
        fail_unless(not severe, page, "no SEVERE console messages; got:\n  " +
                    "\n  ".join(e.get("message", "") for e in severe) +
                    ("\n  failed requests:\n  " + "\n  ".join(failed) if failed else ""))
        fail_unless(not failed, page, "every request succeeds; failed:\n  " + "\n  ".join(failed))


# ---------------------------------------------------------------------------------------------
# The search page

STATUS_COUNT = re.compile(r"[：:]\s*(\d+)\s*件")


def count_in(status):
    m = STATUS_COUNT.search(status or "")
    return int(m.group(1)) if m else None


def search_state(driver):
    """Snapshot of the search page: status, busy flag, result links, badge classes, snippets."""
    return driver.execute_script("""
        const root = document.querySelector('[data-search-page]');
        const cards = [...root.querySelectorAll('[data-search-results] li.card')];
        return {
          busy: root.hasAttribute('aria-busy'),
          status: root.querySelector('[data-search-status]').textContent,
          hrefs: cards.map((c) => c.querySelector('.card-title a').getAttribute('href')),
          types: cards.map((c) => [...c.querySelectorAll('.badge')].map((b) => b.className)
                                   .join(' ').match(/badge-type-(\\S+)/)?.[1] || ''),
          snippetMarks: cards.map((c) => c.querySelectorAll('.search-snippet mark').length),
          marks: cards.map((c) => c.querySelectorAll('mark').length),
          input: root.querySelector('input[name=q]').value,
        };
    """)


def type_query(s, page, text):
    """Types `text` into the labelled search input (replacing what is there) and waits for the
    page to show the results of exactly that query. Returns the final search_state."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = s.driver
    label = driver.find_element(By.CSS_SELECTOR, "[data-search-page] form label[for]")
    box = driver.find_element(By.ID, label.get_attribute("for"))
    fail_unless(box.get_attribute("name") == "q", page, "the search form's label names the query input")
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text)
    fail_unless(box.get_attribute("value") == text, page,
                f"the input holds the typed query {text!r} (holds {box.get_attribute('value')!r})")

    def done(d):
        st = search_state(d)
        return st if (not st["busy"] and f"「{text}」" in st["status"] and count_in(st["status"]) is not None
                      and len(st["hrefs"]) == min(count_in(st["status"]), 10)) else False

    return s.wait(page, f"results for {text!r} appear", done)


def is_need_url(href):
    return re.match(r"^/(?:[a-z]{2}/)?needs/[^/]+/$", href or "") is not None


def is_company_url(href):
    return re.match(r"^/(?:[a-z]{2}/)?companies/[^/]+/$", href or "") is not None


def screenshots(s, folder, query):
    """Loads the results page for `query` afresh at 390 px (as a phone, filter panel folded) and
    at 1280 px, and saves a full-page screenshot of each (height capped at 4000 px)."""
    os.makedirs(folder, exist_ok=True)
    driver = s.driver
    url = s.url("/search/?" + urllib.parse.urlencode({"q": query}))
    for width, mobile in ((390, True), (1280, False)):
        page = f"/search/?q={query} at {width} px"
        metrics = {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": mobile}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        s.open(url, page, absolute=True)
        s.wait(page, f"results for {query!r} appear", lambda d: (lambda st: not st["busy"] and st["hrefs"]
               and f"「{query}」" in st["status"])(search_state(d)))
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": min(max(height, 600), 4000)})
        time.sleep(0.2)  # let layout settle after the resize
        driver.save_screenshot(os.path.join(folder, f"search-results-{width}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_search(s):
    from selenium.webdriver.common.by import By

    driver = s.driver
    page = "/search/"
    s.open("/search/", page)
    s.wait(page, "the search client shows its prompt", lambda d: (search_state(d)["status"] or "").strip())

    # half-width katakana
    page = "/search/ (query ｶﾃｰﾃﾙ)"
    st = type_query(s, page, "ｶﾃｰﾃﾙ")
    fail_unless(st["hrefs"], page, "at least one result")
    first = st["hrefs"][0]
    fail_unless(first == CATHETER_SEED, page,
                f"the first result is {CATHETER_SEED} (got {first}; results: {st['hrefs'][:5]})")
    fail_unless(any(st["snippetMarks"]), page, "a <mark> highlight appears in a result snippet")
    fail_unless(st["marks"][0] > 0, page, "the first result carries a <mark> highlight")
    katakana_count = count_in(st["status"])
    fail_unless("q=" in driver.current_url, page, "the query is in the URL")

    folder = os.environ.get("KIRAMEKI_SCREENSHOTS")
    if folder:
        screenshots(s, folder, "ｶﾃｰﾃﾙ")

    # hiragana finds the same
    page = "/search/ (query かてーてる)"
    st = type_query(s, page, "かてーてる")
    fail_unless(st["hrefs"] and st["hrefs"][0] == first, page,
                f"the first result is the same as for ｶﾃｰﾃﾙ, {first} (got {st['hrefs'][:5]})")
    fail_unless(count_in(st["status"]) == katakana_count, page,
                f"as many results as for ｶﾃｰﾃﾙ ({katakana_count}; status: {st['status']!r})")

    # Latin and digits
    page = "/search/ (query ISO 13485)"
    st = type_query(s, page, "ISO 13485")
    fail_unless(st["hrefs"], page, "at least one result")
    fail_unless(any(st["marks"]), page, "a <mark> highlight in the results")

    # the type facet, on the catheter query (it finds needs and other types)
    page = "/search/ (query かてーてる, facet type=need)"
    st = type_query(s, page, "かてーてる")
    before = count_in(st["status"])
    url_before = driver.current_url
    fail_unless("type=" not in url_before, page, f"no type filter in the URL yet ({url_before})")
    boxes = driver.find_elements(By.CSS_SELECTOR, "[data-search-facets] fieldset[data-facet=type] input[type=checkbox][value=need]")
    fail_unless(boxes, page, "a checkbox for type = need (ニーズ・シーズ) in the type facet")
    checkbox = boxes[0]
    label = driver.find_element(By.CSS_SELECTOR, f"label[for='{checkbox.get_attribute('id')}']")
    fail_unless("ニーズ" in label.text, page, f"the need checkbox is labelled ニーズ・シーズ (got {label.text!r})")
    fail_unless(checkbox.is_displayed(), page, "the need checkbox is visible (filter panel open at 1280 px)")
    checkbox.click()

    def filtered(d):
        cur = search_state(d)
        n = count_in(cur["status"])
        return cur if (not cur["busy"] and "type=need" in d.current_url and n is not None and n != before
                       and len(cur["hrefs"]) == min(n, 10)) else False

    st = s.wait(page, f"the result count changes from {before} and the URL carries type=need", filtered)
    after = count_in(st["status"])
    fail_unless(0 < after < before, page, f"the filter narrows the results ({before} → {after})")
    not_needs = [h for h, t in zip(st["hrefs"], st["types"]) if t != "need" or not is_need_url(h)]
    fail_unless(not not_needs, page, f"every shown result is a need (badge and URL); not: {not_needs}")
    fail_unless(driver.find_element(By.CSS_SELECTOR,
                "[data-search-facets] fieldset[data-facet=type] input[value=need]").is_selected(),
                page, "the need checkbox stays ticked")

    page = "/search/ (browser back from type=need)"
    driver.back()

    def unfiltered(d):
        cur = search_state(d)
        return cur if (not cur["busy"] and "type=need" not in d.current_url
                       and count_in(cur["status"]) == before and len(cur["hrefs"]) == min(before, 10)) else False

    st = s.wait(page, f"the filter is gone from the URL and the count is back to {before}", unfiltered)
    ticked = driver.find_elements(By.CSS_SELECTOR, "[data-search-facets] input[type=checkbox]:checked")
    fail_unless(not ticked, page, f"no facet checkbox is ticked after back ({len(ticked)} are)")
    fail_unless(st["input"] == "かてーてる", page, f"the query stays in the input (got {st['input']!r})")
    s.check_logs()

    # open the first result
    page = f"/search/ → {st['hrefs'][0]}"
    target = st["hrefs"][0]
    driver.find_element(By.CSS_SELECTOR, "[data-search-results] li.card .card-title a").click()
    s.pages.append(page)
    s.wait(page, f"the entry page {target} loads", lambda d: urllib.parse.urlsplit(d.current_url).path == target)
    s.wait(page, "the entry page finished loading", lambda d: d.execute_script("return document.readyState") == "complete")
    h1 = driver.find_elements(By.CSS_SELECTOR, "main h1, h1")
    fail_unless(h1 and h1[0].text.strip(), page, "the entry page has a non-empty h1")
    s.check_logs()
    return {"catheter_total": before, "need_total": after, "first": first}


def test_company_directory(s):
    from selenium.webdriver.common.by import By

    driver = s.driver
    # the full list: the static pages of the directory
    full = 0
    stated = None
    path = "/companies/"
    seen = set()
    while path and path not in seen:
        seen.add(path)
        s.open(path, path)
        listing = driver.execute_script(
            "const list = document.querySelector('main ul.cards');"
            "const count = document.querySelector('main p.count');"
            "return {hrefs: list ? [...list.querySelectorAll(':scope > li.card .card-title a')].map((a) => a.getAttribute('href')) : [],"
            "        count: count ? count.textContent : ''};")
        fail_unless(listing["hrefs"], path, "the static company list has entries")
        others = [h for h in listing["hrefs"] if not is_company_url(h)]
        fail_unless(not others, path, f"the static list holds only companies; not: {others}")
        m = re.search(r"(\d+)\s*件", listing["count"])
        if m:
            stated = int(m.group(1))
        full += len(listing["hrefs"])
        nxt = driver.find_elements(By.CSS_SELECTOR, "nav.pagination a[rel=next]")
        path = urllib.parse.urlsplit(nxt[0].get_attribute("href")).path if nxt else None

    if stated is not None:
        fail_unless(full == stated, "/companies/", f"the static pages list as many companies as the count says ({full} vs {stated})")

    page = "/companies/ (filter 光学)"
    s.open("/companies/", page)
    s.wait(page, "the directory filter shows its facets",
           lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search-filter] fieldset[data-facet=tech] input[type=checkbox]"))
    optics = None
    for box in driver.find_elements(By.CSS_SELECTOR, "[data-search-filter] fieldset[data-facet=tech] input[type=checkbox]"):
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
        if label.text.strip().startswith("光学"):
            optics = box
            break
    fail_unless(optics is not None, page, "a technology-area checkbox labelled 光学")
    fail_unless(optics.is_displayed(), page, "the 光学 checkbox is visible (filter panel open at 1280 px)")
    optics.click()

    def shown(d):
        cur = d.execute_script("""
            const box = document.querySelector('[data-search-filter]');
            const status = box.querySelector('[data-status]').textContent;
            const links = [...box.querySelectorAll('[data-results] li.card .card-title a')].map((a) => a.getAttribute('href'));
            let el = box.nextElementSibling;
            while (el && !el.matches('ul.cards')) el = el.nextElementSibling;
            return {status, links, staticHidden: !el || el.hidden || getComputedStyle(el).display === 'none'};
        """)
        n = count_in(cur["status"])
        return cur if (n is not None and len(cur["links"]) == min(n, 10) and cur["staticHidden"]) else False

    cur = s.wait(page, "the filtered list replaces the full list", shown)
    n = count_in(cur["status"])
    fail_unless("tech=optics" in driver.current_url, page, f"the URL carries tech=optics ({driver.current_url})")
    fail_unless(0 < n < full, page, f"the filtered list shows fewer entries than the full list ({n} of {full})")
    others = [h for h in cur["links"] if not is_company_url(h)]
    fail_unless(not others, page, f"every filtered entry is a company; not: {others}")
    s.check_logs()
    return {"companies": full, "optics": n}


def main(argv):
    if len(argv) != 2 or not os.path.isfile(os.path.join(argv[1], "search", "index.html")):
        print(f"usage: {argv[0]} SITE_DIR  (a built site with search/index.html)", file=sys.stderr)
        return 1
    missing = missing_dependencies()
    if missing:
        print("search browser test: missing " + ", ".join(missing) + "; " + INSTALL_HINT, file=sys.stderr)
        return 1

    started = time.monotonic()
    server, thread = start_server(os.path.abspath(argv[1]))
    driver = None
    try:
        try:
            driver = start_browser()
        except Exception as err:  # noqa: BLE001 - report any start-up failure plainly
            print(f"search browser test: Chromium could not start through {CHROMEDRIVER}: {err}; "
                  + INSTALL_HINT, file=sys.stderr)
            return 1
        s = Session(driver, f"http://127.0.0.1:{server.server_address[1]}")
        try:
            found = test_search(s)
            listed = test_company_directory(s)
            s.check_logs()
        except CheckFailed as err:
            print(f"search browser test FAILED: {err}", file=sys.stderr)
            return 1
        except Exception as err:  # noqa: BLE001 - a broken page or driver, still named
            page = s.pages[-1] if s.pages else "(start)"
            print(f"search browser test FAILED: {page}: unexpected {type(err).__name__}: {err}", file=sys.stderr)
            return 1
        print(f"search browser test passed: {len(s.pages)} pages in {time.monotonic() - started:.1f}s; "
              f"ｶﾃｰﾃﾙ/かてーてる → {found['first']} first of {found['catheter_total']}, "
              f"type=need {found['need_total']}; ISO 13485 found; "
              f"companies 光学 {listed['optics']} of {listed['companies']}; no console errors or failed requests"
              + (" (ignored: the browser's own /favicon.ico probe, 404)" if s.favicon_missing else ""))
        return 0
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001
                pass
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
