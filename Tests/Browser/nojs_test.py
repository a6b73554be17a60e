#!/usr/bin/env python3
"""Pages need no JavaScript to read: each kind of page loaded with JavaScript disabled.

    python3 Tests/Browser/nojs_test.py SITE_DIR [--only=/,/needs/x/]

Serves SITE_DIR on 127.0.0.1 and loads, in headless Chromium with JavaScript blocked (Chrome
preference profile.managed_default_content_settings.javascript = 2), one page of every kind in
ja, en and de: home, a section list, an entry of each type, a taxonomy term page, the seminar
calendar, search and the 404 page. Each must show its main content without scripts: a non-empty
h1 in main; entries their body text; lists and term pages their entry cards with links; search
its form and the <noscript> notice. Proves JavaScript was really off: the company directory's
filter (filled in by search.js) stays empty.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_support import (LANGUAGES, SiteServer, append_summary, fail_unless, pages_of_each_kind,  # noqa: E402
                         run, start_browser)

LISTS = ("home", "section list", "taxonomy term", "calendar")


def visible_text(driver, selector):
    from selenium.webdriver.common.by import By

    return " ".join(e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()).strip()


def check_page(driver, page, kind):
    from selenium.webdriver.common.by import By

    fail_unless(visible_text(driver, "main h1"), page, f"no-JS: the {kind} shows a non-empty h1 in main")
    if kind.endswith(" entry"):
        body = visible_text(driver, "main article.entry .entry-body")
        fail_unless(len(body) >= 20, page, f"no-JS: the entry body is shown ({len(body)} characters)")
    elif kind in LISTS:
        cards = [e for e in driver.find_elements(By.CSS_SELECTOR, "main li.card .card-title a") if e.is_displayed()]
        empty = visible_text(driver, "main p.empty")
        fail_unless(cards or empty, page, f"no-JS: the {kind} shows its entries (cards with links) or says it is empty")
        fail_unless(all(c.get_attribute("href") and c.text.strip() for c in cards), page,
                    "no-JS: every card has a titled link")
    elif kind == "search":
        fail_unless(driver.find_elements(By.CSS_SELECTOR, "main form[role=search] input[name=q]"), page,
                    "no-JS: the search form is there")
        fail_unless(visible_text(driver, "main p.notice"), page, "no-JS: the <noscript> notice is shown")
    elif kind == "404":
        fail_unless(visible_text(driver, "main a"), page, "no-JS: the 404 page offers links onwards")


def check(site_dir, flags):
    only = [p for p in flags.get("--only", "").split(",") if p]
    pages = [(language, kind, path) for language in LANGUAGES
             for kind, path in pages_of_each_kind(site_dir, language).items()]
    if only:
        pages = [p for p in pages if p[2] in only]
        fail_unless(pages, "(setup)", f"--only names pages of the site ({only})")
    driver = start_browser(javascript=False)
    try:
        with SiteServer(site_dir) as server:
            driver.get(server.origin + "/companies/")
            filled = driver.execute_script(
                "const f = document.querySelector('[data-search-filter]'); return f ? f.children.length : -1")
            fail_unless(filled == 0, "/companies/", "no-JS: JavaScript is really off (the directory filter that "
                        f"search.js fills stays empty; it has {filled} children)")
            for language, kind, path in pages:
                driver.get(server.origin + path)
                check_page(driver, f"{path} ({kind}, {language})", kind)
    finally:
        driver.quit()
    line = f"no-JavaScript check: {len(pages)} pages of every kind in ja/en/de readable with JavaScript off"
    if not only:
        append_summary(line)
    return line


if __name__ == "__main__":
    sys.exit(run("no-JavaScript check", check, sys.argv))
