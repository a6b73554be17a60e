#!/usr/bin/env python3
"""The form-submission loop in headless Chromium, in two steps around `kirameki-intake convert`.

    python3 Tests/Browser/form_loop_test.py SITE_DIR --submit --receiver=URL --port=N --record=FILE
    python3 Tests/Browser/form_loop_test.py SITE_DIR --find --record=FILE

--submit serves SITE_DIR (built with `intake_url: URL`) on 127.0.0.1:N, the origin the receiver
allows, and for each public form opens its page (/forms/need/ in Japanese, /en/forms/seed/,
/de/forms/company/, /forms/seminar/), fills in every required field (every field of the company
form) and some optional ones (a multi-select, a date, the seminar's datetime-local start and end,
a Japanese body with emoji, the contact fields), ticks consent, sends it and checks the receiver's
success page (HTTP 200, a reference). It writes what it typed (titles, contact data, references) to
FILE as JSON.

--find serves SITE_DIR (rebuilt with drafts after convert) and, for each form in FILE, searches
for the title on the search page of its language, opens the result, and checks the entry page:
its section, its h1, the draft notice and the body.

On every page: no SEVERE console message and no failed request. Exit 0 with a summary line; 1
naming the form, the page and the step that failed.
"""

import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from e2e_support import (LANGUAGES, SiteServer, Session, append_summary, fail_unless, run,  # noqa: E402
                         start_browser)
from search_browser_test import search_state  # noqa: E402

FORMS = {"need": "needs", "seed": "needs", "company": "companies", "seminar": "seminars"}  # form → section
# Each form in a language of its own, so drafts in ja, en and de come back (title, language).
FORM_TITLES = {
    "need": ("内視鏡レンズの曇り対策", "ja"),
    "seed": ("Ultrashort-pulse laser micro-drilling", "en"),
    "company": ("Präzisionsoptik-Prototypen", "de"),
    "seminar": ("医工連携レーザー加工セミナー", "ja"),
}
# Required free-text fields get plausible answers; any other gets "検証用の<name>".
TEXTS = {"location": "埼玉県川口市", "organizer": "埼玉医工連携ネットワーク", "venue": "川口市産業振興会館"}
NUMBERS = {"founded": "1987", "employees": "42", "capacity": "60", "fee": "0"}
BODY = "手術中にレンズが曇ります🔬。\n\n解決策を探しています 😀（全角テキスト・絵文字のテスト）。"
# Values set through JavaScript: ChromeDriver cannot type emoji, and date inputs take keys by locale.
DATES = {"date": "2026-12-10", "datetime-local": "2026-12-03T14:00"}


def submission(form, number):
    """What the visitor types for one form; contact data is unique so it can be looked for later."""
    return {
        "form": form,
        "title": f"ループ検証{number} {FORM_TITLES[form][0]}",
        "lang": FORM_TITLES[form][1],
        "contact_name": f"検証 太郎{number}",
        "contact_email": f"loop-{form}@example.org",
        "contact_phone": f"048-555-01{number:02d}",
        "contact_organization": f"検証医療機器株式会社{number}",
    }


def set_value(driver, element, value):
    driver.execute_script("""
        const [el, value] = arguments;
        el.value = value;
        el.dispatchEvent(new Event('input', {bubbles: true}));
        el.dispatchEvent(new Event('change', {bubbles: true}));""", element, value)


def status(driver):
    """The HTTP status of the page now shown (Navigation Timing)."""
    return driver.execute_script("return performance.getEntriesByType('navigation')[0]?.responseStatus || 0;")


def controls(driver):
    """The form's entry controls: id, name, tag, type, required (a checkbox group: its legend's mark)."""
    return driver.execute_script("""
        const fields = document.querySelectorAll('form.intake-form fieldset.form-group:not(.form-contact) .form-field');
        return [...fields].map((f) => {
          const group = f.matches('fieldset');
          const el = group ? f.querySelector('input') : f.querySelector('input, select, textarea');
          return {id: el.id, name: el.name, tag: el.tagName.toLowerCase(), type: el.type,
                  group: group ? (f.classList.contains('form-choices') ? 'checkbox' : 'list') : '',
                  required: group ? !!f.querySelector('legend .required-mark') : el.required};
        });""")


def fill(s, page, form, typed):
    """Fills the form on the current page: every required field, and for the company form every
    field (so each kind of control is sent once); returns the names filled."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = s.driver
    everything = form == "company"
    filled = []
    ticked_multi = False
    used_optional_date = False
    for c in controls(driver):
        element = driver.find_element(By.ID, c["id"])
        name = c["name"]
        wanted = c["required"] or everything
        if name == "body":
            continue  # set below, with emoji
        if name == "title":
            element.send_keys(typed["title"])
        elif c["group"] == "checkbox":
            if not wanted and ticked_multi:
                continue
            boxes = driver.find_elements(By.CSS_SELECTOR, f"form.intake-form input[type=checkbox][name='{name}']")
            count = 1 if ticked_multi else 2  # the first group gets two: a multi-select
            for box in boxes[:count]:
                box.click()
            ticked_multi = ticked_multi or count == 2
        elif c["group"] == "list":
            if not wanted and name != "speakers":
                continue
            element.send_keys("山田 一郎")  # only the first of the list's inputs: the others are sent empty
        elif c["tag"] == "select":
            if not wanted and name not in ("attendance", "confidentiality"):
                continue
            options = [o.get_attribute("value") for o in element.find_elements(By.TAG_NAME, "option")]
            Select(element).select_by_value(next(v for v in options if v))
        elif c["type"] in DATES:
            if not wanted and c["type"] == "date" and not used_optional_date:
                used_optional_date = True
            elif not wanted and c["type"] != "datetime-local":
                continue
            set_value(driver, element, "2026-12-03T16:30" if name == "end" else DATES[c["type"]])
        elif c["tag"] == "textarea":
            if not wanted and name != "summary":
                continue
            element.send_keys(f"{typed['title']}の概要です。")
        elif c["type"] == "url":
            if not wanted:
                continue
            element.send_keys("https://example.org/loop")
        elif c["type"] == "number":
            element.send_keys(NUMBERS.get(name, "40"))
        elif wanted or name in TEXTS:
            element.send_keys(TEXTS.get(name, f"検証用の{name}"))
        else:
            continue
        filled.append(name)
    body = driver.find_elements(By.ID, "f-body")
    fail_unless(body, page, f"form {form} ({page}): step fill: the form has a body field")
    set_value(driver, body[0], BODY)
    for field in ("contact_name", "contact_email", "contact_phone", "contact_organization"):
        found = driver.find_elements(By.CSS_SELECTOR, f"form.intake-form [name={field}]")
        fail_unless(found, page, f"form {form} ({page}): step fill: the form has the contact field {field}")
        found[0].send_keys(typed[field])
    driver.find_element(By.ID, "f-consent").click()
    return filled


def submit(site_dir, flags):
    from selenium.webdriver.common.by import By

    receiver = flags.get("--receiver", "").rstrip("/")
    record = flags.get("--record")
    fail_unless(receiver and record and flags.get("--port"), "(arguments)", "--receiver, --port and --record given")
    submitted = []
    driver = start_browser()
    try:
        with SiteServer(site_dir, port=int(flags["--port"])) as server:
            s = Session(driver, server.origin)
            for number, form in enumerate(FORMS, start=1):
                typed = submission(form, number)
                page = f"/{LANGUAGES[typed['lang']]}forms/{form}/"
                s.open(page)
                action = driver.find_element(By.CSS_SELECTOR, "form.intake-form").get_attribute("action")
                fail_unless(action == f"{receiver}/forms/{form}", page,
                            f"form {form} ({page}): step open: the form posts to the receiver, not {action}")
                filled = fill(s, page, form, typed)
                s.check_logs()
                driver.find_element(By.CSS_SELECTOR, "form.intake-form button[type=submit]").click()
                done = f"{receiver}/forms/{form} (success page)"
                s.wait(page, f"form {form} ({page}): step submit: the browser reaches the receiver (an invalid field "
                       "stops it in the form)", lambda d: d.current_url.startswith(receiver))
                s.arrived(done)
                code = status(driver)
                fail_unless(code == 200, done, f"form {form} ({page}): step success page: the receiver accepts the "
                            f"post; got HTTP {code}: {driver.find_element(By.TAG_NAME, 'body').text[:300]}")
                codes = s.wait(done, f"form {form} ({page}): step success page: it shows a reference",
                               lambda d: d.find_elements(By.TAG_NAME, "code"))
                typed["reference"] = codes[0].text.strip()
                fail_unless(typed["reference"], done,
                            f"form {form} ({page}): step success page: the reference is not empty")
                s.check_logs()
                typed["filled"] = filled
                submitted.append(typed)
    finally:
        driver.quit()
    with open(record, "w", encoding="utf-8") as f:
        json.dump(submitted, f, ensure_ascii=False, indent=1)
    return (f"form loop (submit): {len(submitted)} forms posted in Chromium, each acknowledged with a reference: "
            + ", ".join(f"{t['form']} {t['reference']}" for t in submitted))


def find(site_dir, flags):
    from selenium.webdriver.common.by import By

    with open(flags.get("--record", ""), encoding="utf-8") as f:
        submitted = json.load(f)
    fail_unless(len(submitted) == len(FORMS), "(record)", f"the record holds {len(FORMS)} submissions")
    found = []
    driver = start_browser()
    try:
        with SiteServer(site_dir) as server:
            s = Session(driver, server.origin)
            for typed in submitted:
                form, title = typed["form"], typed["title"]
                search = f"/{LANGUAGES[typed['lang']]}search/"
                page = f"{search}?q={title}"
                s.open(search + "?" + urllib.parse.urlencode({"q": title}), page)

                def results(d):  # the status names the query in every language once its results are shown
                    st = search_state(d)
                    return st if not st["busy"] and title in st["status"] else False

                state = s.wait(page, f"form {form}: step search: results for the title appear", results)
                titles = driver.execute_script("""return [...document.querySelectorAll(
                    '[data-search-results] li.card .card-title a')].map((a) => a.textContent.trim());""")
                hits = [h for h, t in zip(state["hrefs"], titles) if t == title]
                fail_unless(hits, page, f"form {form}: step search: a result titled {title!r} among {titles}")
                href = urllib.parse.urlsplit(hits[0]).path
                section = f"/{LANGUAGES[typed['lang']]}{FORMS[form]}/"
                fail_unless(href.startswith(section), page,
                            f"form {form}: step search: the result {href} is in {section}")
                s.check_logs()
                s.open(href)
                h1 = driver.find_element(By.TAG_NAME, "h1").text.strip()
                fail_unless(h1 == title, href, f"form {form}: step entry page: the h1 is {title!r}, not {h1!r}")
                notice = driver.find_elements(By.CSS_SELECTOR, ".draft-banner")
                fail_unless(notice, href, f"form {form}: step entry page: the draft notice (.draft-banner) is shown")
                text = driver.find_element(By.TAG_NAME, "main").text
                fail_unless("🔬" in text, href, f"form {form}: step entry page: the body with emoji is shown")
                s.check_logs()
                found.append(href)
    finally:
        driver.quit()
    return (f"form loop: {len(found)} forms (need ja, seed en, company de, seminar ja) posted in Chromium, converted "
            "and found as draft entries on the site and in search")


def check(site_dir, flags):
    started = time.monotonic()
    if "--submit" in flags:
        return submit(site_dir, flags) + " in %.1fs" % (time.monotonic() - started)
    line = find(site_dir, flags)
    append_summary(line)
    return line + " in %.1fs" % (time.monotonic() - started)


if __name__ == "__main__":
    sys.exit(run("form loop", check, sys.argv))
