#!/usr/bin/env python3
"""End to end: a visitor fills in a form of the built site in headless Chromium, the real
receiver spools it, and the success page shows the reference the spool record carries.

    python3 Tests/IntakeServerTests/form_browser_test.py REPO KIRAMEKI_BINARY INTAKE_BINARY

1. serves a folder on 127.0.0.1 (the site, once built);
2. starts `kirameki-intake serve` with that server's origin allowed, on a free port;
3. builds the repository's real content with `intake_url` pointing at the receiver;
4. in the browser: opens /en/forms/need/, fills in the title, a select, a checkbox, the contact
   fields and the consent box, and sends the form;
5. checks the success page (English, with the reference) and the spool record (form, fields, the
   repeated checkbox name, lang=en, no honeypot value), and that an empty title is stopped by the
   browser (`required`) without reaching the receiver.

Exit 0 with a summary line; exit 1 naming the failed check; exit 2 when selenium, chromium or
chromedriver are missing (scripts/test installs them).
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# The browser and the static server are the end-to-end checks' own (Tests/Browser/e2e_support.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Browser"))
from e2e_support import CHROMEDRIVER, SiteServer, start_browser  # noqa: E402


def fail(check):
    print(f"FAIL: {check}")
    sys.exit(1)


def records(spool):
    return [p for p in glob.glob(os.path.join(spool, "*.json")) if not os.path.basename(p).startswith(".")]


def main():
    repo, kirameki, intake = sys.argv[1:4]
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("selenium is missing; run scripts/install-deps test")
        sys.exit(2)
    if not os.access(CHROMEDRIVER, os.X_OK):
        print("chromedriver is missing; run scripts/install-deps test")
        sys.exit(2)

    work = tempfile.mkdtemp(prefix="kirameki-form-e2e-")
    site_dir = os.path.join(work, "site")
    os.makedirs(site_dir)
    server = SiteServer(site_dir).start()
    site_origin = server.origin

    spool = os.path.join(work, "spool")
    receiver = subprocess.Popen(
        [intake, "serve", "--spool", spool, "--port", "0", "--allowed-origin", site_origin],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    driver = None
    try:
        line = receiver.stdout.readline()
        match = re.search(r"listening on (http://\S+)", line)
        if not match:
            fail(f"the receiver did not start: {line!r}")
        receiver_url = match.group(1)

        root = os.path.join(work, "root")
        os.makedirs(root)
        for name in ("content", "themes"):
            shutil.copytree(os.path.join(repo, name), os.path.join(root, name))
        with open(os.path.join(repo, "kirameki.yaml"), encoding="utf-8") as source:
            config = source.read()
        with open(os.path.join(root, "kirameki.yaml"), "w", encoding="utf-8") as target:
            target.write(config.rstrip("\n") + f"\nintake_url: {receiver_url}\n")
        build = subprocess.run([kirameki, "build", "--root", root, "--out", site_dir], capture_output=True, text=True)
        if build.returncode != 0:
            fail(f"the site did not build: {build.stderr[-2000:]}")

        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait

        driver = start_browser(language="en")
        driver.get(site_origin + "/en/forms/need/")
        form = driver.find_element(By.CSS_SELECTOR, "form.intake-form")
        if form.get_attribute("action") != receiver_url + "/forms/need":
            fail(f"the form posts to {form.get_attribute('action')}, not the receiver")

        # An empty required title: the browser refuses to send, nothing reaches the receiver.
        driver.find_element(By.CSS_SELECTOR, "form.intake-form button[type=submit]").click()
        time.sleep(1)
        if not driver.current_url.startswith(site_origin) or records(spool):
            fail(f"a form with empty required fields was sent: now at {driver.current_url}, {driver.page_source[:800]}")

        driver.find_element(By.ID, "f-title").send_keys("Endoscope lens fogging (browser test)")
        Select(driver.find_element(By.ID, "f-confidentiality")).select_by_value("public")
        driver.find_element(By.CSS_SELECTOR, "input[name=tech_areas][value=optics]").click()
        driver.find_element(By.CSS_SELECTOR, "input[name=tech_areas][value=laser_photonics]").click()
        driver.find_element(By.ID, "f-body").send_keys("Lenses fog during surgery.\n\nWe look for a partner.")
        driver.find_element(By.ID, "f-contact-name").send_keys("Test Person")
        driver.find_element(By.ID, "f-contact-email").send_keys("test@example.org")
        driver.find_element(By.ID, "f-consent").click()
        driver.find_element(By.CSS_SELECTOR, "form.intake-form button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url.startswith(receiver_url))
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.TAG_NAME, "code"))
        page = driver.page_source
        if "Thank you, your submission has arrived" not in page:
            fail("the success page is not shown in English:\n" + page[:1500])
        reference = driver.find_element(By.TAG_NAME, "code").text

        found = records(spool)
        if len(found) != 1:
            fail(f"expected one spool record, found {len(found)}")
        with open(found[0], encoding="utf-8") as handle:
            record = json.load(handle)
        if record["id"] != reference:
            fail(f"the page shows {reference}, the spool holds {record['id']}")
        fields = [(f["name"], f["value"]) for f in record["fields"]]
        values = dict(fields)
        expected = {
            "form": record["form"] == "need",
            "title": values.get("title") == "Endoscope lens fogging (browser test)",
            "confidentiality": values.get("confidentiality") == "public",
            "tech_areas repeated": [v for n, v in fields if n == "tech_areas"] == ["laser_photonics", "optics"],
            "lang": values.get("lang") == "en",
            "consent": values.get("consent") == "yes",
            "contact_email": values.get("contact_email") == "test@example.org",
            "empty honeypot": values.get("website", "") == "",
            "body paragraphs": "\n" in values.get("body", ""),
        }
        failed = [name for name, ok in expected.items() if not ok]
        if failed:
            fail(f"spool record is wrong ({', '.join(failed)}): {json.dumps(record, ensure_ascii=False)}")
        print(f"ok: posted /en/forms/need/ in Chromium; receiver spooled {reference} with {len(fields)} fields")
    finally:
        if driver:
            driver.quit()
        receiver.terminate()
        receiver.wait(timeout=10)
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
