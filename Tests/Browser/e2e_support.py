"""Shared helpers of the end-to-end checks in Tests/Browser/ (imported, not run).

- a quiet static HTTP server on 127.0.0.1 for a built site (a thread);
- headless Chromium through the Debian chromedriver, with console and DevTools performance logs;
- a Session that fails on SEVERE console messages and failed requests (HTTP >= 400 or a network
  error), naming the page;
- the pages of each kind in a built site (home, section list, an entry of each type, a taxonomy
  term, search, calendar, 404) per language;
- one summary line per checker appended to Tests/Output/summary.txt, which scripts/test prints.

Every failure is a CheckFailed(page, check), printed as "PAGE: CHECK".
"""

import functools
import json
import os
import shutil
import sys
import threading
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"]
INSTALL_HINT = "run scripts/test, which installs them (scripts/install-deps test)"
REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT = os.path.join(REPOSITORY, "Tests", "Output")
WAIT = 10  # seconds, for any one condition

LANGUAGES = {"ja": "", "en": "en/", "de": "de/"}  # language → path prefix
ENTRY_TYPES = {  # type → section folder
    "seminar": "seminars", "need": "needs", "company": "companies", "guide": "guides",
    "news": "news", "page": "pages", "glossary": "glossary",
}
TAXONOMIES = ["focus-areas", "tech-areas", "clinical-areas", "jp-classes", "eu-classes", "tags"]


class CheckFailed(Exception):
    def __init__(self, page, check):
        super().__init__(f"{page}: {check}")
        self.page = page
        self.check = check


def fail_unless(condition, page, check):
    if not condition:
        raise CheckFailed(page, check)


# ---------------------------------------------------------------------------------------------
# Summary


def append_summary(line):
    """Appends one line to the CI summary (KIRAMEKI_SUMMARY, default Tests/Output/summary.txt);
    KIRAMEKI_SUMMARY=off writes nothing (the deliberate-breakage runs)."""
    path = os.environ.get("KIRAMEKI_SUMMARY", os.path.join(OUTPUT, "summary.txt"))
    if path == "off":
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(line.rstrip("\n") + "\n")


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

    def end_headers(self):
        # lets linkchecker go past its default 10 requests per second (its maxrequestspersecond)
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        """Answers a missing page with the site's own 404.html, as a real host would."""
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


class SiteServer:
    """Serves a built site on 127.0.0.1 (a free port, or `port`) in a thread; use as a context manager."""

    def __init__(self, site_dir, port=0):
        handler = functools.partial(QuietHandler, directory=os.path.abspath(site_dir))
        self.server = QuietServer(("127.0.0.1", port), handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="site-server", daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# ---------------------------------------------------------------------------------------------
# The browser


def missing_dependencies(modules=("selenium",)):
    missing = []
    for module in modules:
        try:
            __import__(module)
        except ImportError:
            missing.append(f"the Python module {module}")
    if not os.access(CHROMEDRIVER, os.X_OK):
        missing.append(f"{CHROMEDRIVER} (Debian package chromium-driver)")
    if not any(os.access(p, os.X_OK) for p in CHROMIUM_CANDIDATES) and not shutil.which("chromium"):
        missing.append("chromium (Debian package chromium)")
    return missing


def start_browser(javascript=True, width=1280, height=1000, language="ja"):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for p in CHROMIUM_CANDIDATES:
        if os.access(p, os.X_OK):
            options.binary_location = p
            break
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                f"--lang={language}", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=CHROMEDRIVER, log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(20)
    return driver


def network_events(driver):
    """The DevTools Network.* events logged since the last call, as (method, params)."""
    events = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method", "").startswith("Network."):
            events.append((message["method"], message.get("params", {})))
    return events


class Session:
    """The driver plus the console and network problems seen so far, checked page by page."""

    def __init__(self, driver, origin):
        self.driver = driver
        self.origin = origin
        self.pages = []
        self.checked = 0  # pages whose logs were checked
        self.expected_404 = set()  # URLs that may answer 404 (the 404 page itself)

    def url(self, path):
        return self.origin + path

    def path(self):
        parts = urllib.parse.urlsplit(self.driver.current_url)
        return parts.path + (("?" + parts.query) if parts.query else "")

    def wait(self, page, check, condition, timeout=WAIT):
        from selenium.common.exceptions import TimeoutException, WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(condition)
        except TimeoutException:
            raise CheckFailed(page, f"{check} (timed out after {timeout}s; url: {self.path()})") from None
        except WebDriverException as err:
            raise CheckFailed(page, f"{check} ({err.msg})") from None

    def open(self, path, page=None):
        """Checks the logs of the page before, then loads `path` and waits for it to finish."""
        self.check_logs()
        page = page or path
        self.driver.get(self.url(path))
        self.pages.append(page)
        self.wait(page, "document finished loading",
                  lambda d: d.execute_script("return document.readyState") == "complete")

    def arrived(self, page):
        """Records a page reached by clicking (not by open)."""
        self.pages.append(page)
        self.wait(page, "document finished loading",
                  lambda d: d.execute_script("return document.readyState") == "complete")

    def problems(self):
        """The SEVERE console entries and failed requests since the last call (logs are drained)."""
        severe = []
        for e in self.driver.get_log("browser"):
            message = e.get("message", "")
            if e.get("level") != "SEVERE":
                continue
            if any(message.startswith(u + " ") for u in self.expected_404) and "404" in message:
                continue
            severe.append(message)
        failed = []
        requests = {}
        for method, params in network_events(self.driver):
            if method == "Network.requestWillBeSent":
                requests[params.get("requestId")] = params.get("request", {}).get("url", "")
            elif method == "Network.responseReceived":
                response = params.get("response", {})
                if response.get("status", 0) >= 400 and not (
                        response.get("status") == 404 and response.get("url") in self.expected_404):
                    failed.append(f"HTTP {response.get('status')} {response.get('url')}")
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                failed.append(f"{params.get('errorText')} {requests.get(params.get('requestId'), '?')}")
        return severe, failed

    def check_logs(self):
        """Fails on any SEVERE console entry or failed request since the last check."""
        if not self.pages:
            self.problems()
            return
        page = self.pages[-1]
        severe, failed = self.problems()
        fail_unless(not severe, page, "no SEVERE console messages; got:\n  " + "\n  ".join(severe)
                    + ("\n  failed requests:\n  " + "\n  ".join(failed) if failed else ""))
        fail_unless(not failed, page, "every request succeeds; failed:\n  " + "\n  ".join(failed))
        self.checked = len(self.pages)  # every page so far has been checked


# ---------------------------------------------------------------------------------------------
# The pages of a built site


def _first_entry(site_dir, prefix, section):
    folder = os.path.join(site_dir, prefix + section)
    if not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        if name in ("page", "calendar") or not os.path.isfile(os.path.join(folder, name, "index.html")):
            continue
        return f"/{prefix}{section}/{name}/"
    return None


def _first_term(site_dir, prefix):
    for taxonomy in TAXONOMIES:
        found = _first_entry(site_dir, prefix, taxonomy)
        if found:
            return found
    return None


def pages_of_each_kind(site_dir, language):
    """kind → URL path of one page of that kind in `language`, for the kinds the site has."""
    prefix = LANGUAGES[language]
    found = {"home": f"/{prefix}"}
    candidates = {"section list": f"/{prefix}seminars/", "search": f"/{prefix}search/",
                  "calendar": f"/{prefix}seminars/calendar/"}
    for kind, path in candidates.items():
        if os.path.isfile(os.path.join(site_dir, path.lstrip("/"), "index.html")):
            found[kind] = path
    for entry_type, section in ENTRY_TYPES.items():
        entry = _first_entry(site_dir, prefix, section)
        if entry:
            found[f"{entry_type} entry"] = entry
    term = _first_term(site_dir, prefix)
    if term:
        found["taxonomy term"] = term
    found["404"] = f"/{prefix}no-such-page-e2e/"  # any missing URL answers with the site's 404.html
    return found


def entry_pages(site_dir, language="ja"):
    """entry type → URL path of one entry of that type (the first by folder name)."""
    prefix = LANGUAGES[language]
    return {t: p for t, s in ENTRY_TYPES.items() if (p := _first_entry(site_dir, prefix, s))}


def run(name, body, argv, modules=("selenium",)):
    """Runs `body(site_dir, options)` for a checker script: argument and dependency checks, one
    line on success (returned by body), 'NAME FAILED: PAGE: CHECK' and exit 1 on failure."""
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a.split("=", 1)[0]: (a.split("=", 1)[1] if "=" in a else "") for a in argv[1:] if a.startswith("--")}
    if len(args) != 1 or not os.path.isfile(os.path.join(args[0], "index.html")):
        print(f"usage: {argv[0]} SITE_DIR [--only=PATH,...]  (a built site with index.html)", file=sys.stderr)
        return 1
    missing = missing_dependencies(modules)
    if missing:
        print(f"{name}: missing " + ", ".join(missing) + "; " + INSTALL_HINT, file=sys.stderr)
        return 1
    try:
        line = body(os.path.abspath(args[0]), flags)
    except CheckFailed as err:
        print(f"{name} FAILED: {err}", file=sys.stderr)
        return 1
    print(line)
    return 0
