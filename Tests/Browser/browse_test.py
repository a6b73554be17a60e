#!/usr/bin/env python3
"""A visitor's journey through the built site in headless Chromium, plus screenshots.

    python3 Tests/Browser/browse_test.py SITE_DIR [--screenshots=DIR]

Serves SITE_DIR on 127.0.0.1 and, clicking links as a visitor would:
  - home → a section (main menu) → its first entry → a taxonomy term of that entry → the same
    page in English through the language switch → back to Japanese through the switch;
  - searches from the header's search box with half-width ｶﾃｰﾃﾙ, then hiragana かてーてる (same first
    result), ticks the type facet ニーズ・シーズ (fewer results, all needs) and opens a result;
  - on every page visited: no SEVERE console message and no failed request (DevTools performance
    log: Network.loadingFailed or a response >= 400);
  - saves full-page screenshots of the home page and one entry of each type (seminar, need,
    company, guide, news, page, glossary) at 390 px (phone) and 1280 px (desktop) as PNG files in
    DIR (default Tests/Output/screenshots/), named KIND-WIDTH.png.
Exit 0 with a summary line; 1 naming the page and the check that failed.
"""

import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from e2e_support import (OUTPUT, SiteServer, append_summary, entry_pages, fail_unless, run,  # noqa: E402
                         start_browser, Session)
from search_browser_test import count_in, is_need_url, search_state  # noqa: E402

WIDTHS = ((390, True), (1280, False))
MAX_SCREENSHOT_HEIGHT = 5000


def here(s):
    return urllib.parse.urlsplit(s.driver.current_url).path


def click(s, page, selector, what):
    """Clicks the first visible element matching `selector`; records the page it leads to."""
    from selenium.webdriver.common.by import By

    links = [e for e in s.driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]
    fail_unless(links, page, f"a visible link to {what} ({selector})")
    target = urllib.parse.urlsplit(links[0].get_attribute("href")).path
    s.check_logs()
    links[0].click()
    s.wait(page, f"the link to {what} leads to {target}", lambda d: here(s) == target)
    s.arrived(target)
    return target


def heading(s, page):
    from selenium.webdriver.common.by import By

    h1 = s.driver.find_elements(By.CSS_SELECTOR, "main h1")
    fail_unless(h1 and h1[0].text.strip(), page, "the page has a non-empty h1 in main")
    return h1[0].text.strip()


def language(s):
    return s.driver.execute_script("return document.documentElement.lang")


def journey(s):
    from selenium.webdriver.common.by import By

    s.open("/", "/ (home)")
    heading(s, "/")
    fail_unless(language(s) == "ja", "/", f"the home page is in Japanese (lang={language(s)!r})")

    section = click(s, "/", "header .main-nav a[href='/seminars/']", "the seminars section")
    heading(s, section)
    entry = click(s, section, "main ul.cards li.card .card-title a", "the section's first entry")
    title = heading(s, entry)
    fail_unless(s.driver.find_elements(By.CSS_SELECTOR, "main article.entry .entry-body"), entry,
                "the entry page shows the entry's body")

    term = click(s, entry, "main .taxonomies .term-links a", "a taxonomy term of the entry")
    heading(s, term)
    listed = [urllib.parse.urlsplit(a.get_attribute("href")).path
              for a in s.driver.find_elements(By.CSS_SELECTOR, "main ul.cards li.card .card-title a")]
    fail_unless(listed, term, "the taxonomy term page lists entries")

    english = click(s, term, "header .language-switch a[hreflang=en]", "the English version")
    fail_unless(language(s) == "en", english, f"the page reached through the switch is in English "
                f"(lang={language(s)!r})")
    heading(s, english)
    back = click(s, english, "header .language-switch a[hreflang=ja]", "the Japanese version")
    fail_unless(back == term, back, f"the switch back to Japanese returns to {term}")
    fail_unless(language(s) == "ja", back, "the page is in Japanese again")
    s.check_logs()
    return [f"/ → {section} → {entry} ({title}) → {term} → {english} → {back}"]


def search(s):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page = "/ (header search ｶﾃｰﾃﾙ)"
    s.open("/", page)
    box = s.driver.find_element(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
    box.send_keys("ｶﾃｰﾃﾙ", Keys.ENTER)
    s.wait(page, "the header search leads to the search page", lambda d: here(s).endswith("/search/"))
    page = "/search/?q=ｶﾃｰﾃﾙ"
    s.arrived(page)

    def results_for(text):
        def ready(d):
            st = search_state(d)
            n = count_in(st["status"])
            return st if (not st["busy"] and f"「{text}」" in st["status"] and n is not None
                          and len(st["hrefs"]) == min(n, 10)) else False
        return ready

    half = s.wait(page, "results for ｶﾃｰﾃﾙ appear", results_for("ｶﾃｰﾃﾙ"))
    fail_unless(half["hrefs"], page, "ｶﾃｰﾃﾙ finds at least one result")
    s.check_logs()

    page = "/search/?q=かてーてる"
    s.open("/search/?" + urllib.parse.urlencode({"q": "かてーてる"}), page)
    hira = s.wait(page, "results for かてーてる appear", results_for("かてーてる"))
    fail_unless(hira["hrefs"][:1] == half["hrefs"][:1], page,
                f"hiragana finds the same first result as half-width katakana ({half['hrefs'][:1]} vs {hira['hrefs'][:1]})")
    total = count_in(hira["status"])

    page = "/search/?q=かてーてる (facet type=need)"
    boxes = s.driver.find_elements(By.CSS_SELECTOR, "[data-search-facets] fieldset[data-facet=type] input[value=need]")
    fail_unless(boxes, page, "a type facet checkbox for needs")
    boxes[0].click()

    def narrowed(d):
        st = search_state(d)
        n = count_in(st["status"])
        return st if (not st["busy"] and "type=need" in d.current_url and n is not None and n != total
                      and len(st["hrefs"]) == min(n, 10)) else False

    st = s.wait(page, f"the facet narrows the {total} results and puts type=need in the URL", narrowed)
    fail_unless(all(is_need_url(h) for h in st["hrefs"]), page, f"every filtered result is a need: {st['hrefs']}")
    s.check_logs()

    target = st["hrefs"][0]
    s.driver.find_element(By.CSS_SELECTOR, "[data-search-results] li.card .card-title a").click()
    s.wait(page, f"the first result opens {target}", lambda d: here(s) == target)
    s.arrived(target)
    heading(s, target)
    s.check_logs()
    return [f"ｶﾃｰﾃﾙ/かてーてる → {total} results, type=need → {count_in(st['status'])}, opened {target}"]


def screenshots(s, site_dir, folder):
    os.makedirs(folder, exist_ok=True)
    targets = {"home": "/", **entry_pages(site_dir)}
    written = []
    for width, mobile in WIDTHS:
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile}
        s.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        for kind, path in targets.items():
            page = f"{path} at {width} px"
            s.open(path, page)
            heading(s, page)
            height = s.driver.execute_script("return document.documentElement.scrollHeight")
            s.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                     {**metrics, "height": min(max(height, 600), MAX_SCREENSHOT_HEIGHT)})
            time.sleep(0.1)  # let layout settle after the resize
            file = os.path.join(folder, f"{kind}-{width}.png")
            fail_unless(s.driver.save_screenshot(file) and os.path.getsize(file) > 5000, page,
                        f"a screenshot was written to {file}")
            written.append(file)
            s.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    s.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    missing = sorted(set(("seminar", "need", "company", "guide", "news", "page", "glossary")) - set(targets))
    fail_unless(not missing, "(screenshots)", f"the site has an entry of each type; none of: {missing}")
    return written


def check(site_dir, flags):
    started = time.monotonic()
    folder = flags.get("--screenshots") or os.path.join(OUTPUT, "screenshots")
    driver = start_browser()
    try:
        with SiteServer(site_dir) as server:
            s = Session(driver, server.origin)
            notes = journey(s) + search(s)
            shots = screenshots(s, site_dir, folder)
            s.check_logs()
    finally:
        driver.quit()
    line = (f"browser journey: {len(s.pages)} pages visited, {s.checked} checked for console errors and failed "
            f"requests (none); {len(shots)} screenshots written to {os.path.relpath(folder)}")
    append_summary(line)
    return line + " in %.1fs\n  " % (time.monotonic() - started) + "\n  ".join(notes)


if __name__ == "__main__":
    sys.exit(run("browser journey", check, sys.argv))
