#!/usr/bin/env python3
"""axe-core accessibility rules on one page of every kind in every language.

    python3 Tests/Browser/axe_test.py SITE_DIR [--only=/,/en/]

Serves SITE_DIR on 127.0.0.1 and, in headless Chromium at 1280 px, runs axe-core (driven by
axe-selenium-python) with the WCAG 2.2 AA tags on: home, a section list, an entry of each type, a
taxonomy term page, search, the seminar calendar and the 404 page, in ja, en and de (a kind the
site lacks in a language is listed in the summary as absent). Fails on any serious or critical
violation, printing page, rule id, impact and the target selectors.

axe-selenium-python 2.x (the newest for Python < 3.12) bundles axe-core 3.1, which predates the
WCAG 2.1/2.2 rules; the engine is therefore taken from axe-playwright-python (installed without
its Playwright dependency, only for its bundled axe.min.js) when present. The script checks that
the engine knows the wcag22aa tag and fails otherwise.
"""

import importlib.util
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_support import (LANGUAGES, CheckFailed, SiteServer, append_summary, fail_unless,  # noqa: E402
                         pages_of_each_kind, run, start_browser)

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}


def axe_script():
    """The newest axe.min.js installed: axe-playwright-python's if there, else axe-selenium-python's."""
    for package in ("axe_playwright_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        folder = list(spec.submodule_search_locations)[0]
        for candidate in ("axe.min.js", os.path.join("node_modules", "axe-core", "axe.min.js")):
            path = os.path.join(folder, candidate)
            if os.path.isfile(path):
                return path
    return None


def violations_text(page, violations):
    lines = []
    for v in violations:
        targets = ["; ".join(" ".join(t) if isinstance(t, list) else str(t) for t in n.get("target", []))
                   for n in v.get("nodes", [])]
        lines.append(f"{page}: axe rule {v['id']} ({v.get('impact')}): {v.get('help', '')}\n    "
                     + "\n    ".join(targets[:8]) + (f"\n    … and {len(targets) - 8} more" if len(targets) > 8 else ""))
    return "\n".join(lines)


def check(site_dir, flags):
    from axe_selenium_python import Axe

    script = axe_script()
    fail_unless(script, "(setup)", "an axe-core script (pip install axe-selenium-python; scripts/test installs it)")
    only = [p for p in flags.get("--only", "").split(",") if p]
    pages = []  # (language, kind, path)
    absent = []
    for language in LANGUAGES:
        found = pages_of_each_kind(site_dir, language)
        for kind in ("home", "section list", "search", "calendar", "taxonomy term", "404", "seminar entry",
                     "need entry", "company entry", "guide entry", "news entry", "page entry", "glossary entry"):
            if kind in found:
                pages.append((language, kind, found[kind]))
            else:
                absent.append(f"{language} {kind}")
    if only:
        pages = [p for p in pages if p[2] in only]
        fail_unless(pages, "(setup)", f"--only names pages of the site ({only})")

    driver = start_browser()
    failures = []
    rule_count = 0
    version = "?"
    try:
        with SiteServer(site_dir) as server:
            axe = Axe(driver, script_url=script)
            for language, kind, path in pages:
                page = f"{path} ({kind}, {language})"
                driver.get(server.origin + path)
                axe.inject()
                if rule_count == 0:
                    rule_count = driver.execute_script(f"return axe.getRules({json.dumps(TAGS[-1:])}).length")
                    version = driver.execute_script("return axe.version")
                    fail_unless(rule_count > 0, "(setup)", f"axe-core {version} from {script} knows WCAG 2.2 AA "
                                "rules (install axe-playwright-python --no-deps; scripts/test does)")
                results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": TAGS}}))
                bad = [v for v in results.get("violations", []) if v.get("impact") in FAILING_IMPACTS]
                if bad:
                    failures.append(violations_text(page, bad))
    finally:
        driver.quit()
    if failures:
        raise CheckFailed(f"{len(failures)} of {len(pages)} pages",
                          "serious or critical axe violations (WCAG 2.2 AA):\n" + "\n".join(failures))
    line = (f"axe-core {version} (WCAG 2.2 AA): {len(pages)} pages checked in ja/en/de, "
            f"0 serious or critical violations" + (f"; absent in the site: {', '.join(absent)}" if absent else ""))
    if not only:
        append_summary(line)
    return line


if __name__ == "__main__":
    sys.exit(run("axe accessibility check", check, sys.argv, modules=("selenium", "axe_selenium_python")))
