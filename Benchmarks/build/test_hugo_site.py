#!/usr/bin/env python3
"""Builds Benchmarks/hugo on a tiny corpus in our format and checks what makes it comparable:
python3 -m unittest Benchmarks/build/test_hugo_site.py   (skipped when hugo is not installed)"""
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

HUGO_SITE = Path(__file__).resolve().parent.parent / "hugo"

GUIDE = """---
title: "クラス分類の基礎"
date: 2025-03-27
summary: "医療機器のクラス分類を説明します。"
last_reviewed: 2026-02-02
jurisdiction: jp_eu
jp_class: [II]
eu_class: [IIa]
pathway: [ninsho]
focus_areas: [laser_photonics]
sources:
  - title: "医療機器の分類"
    url: "https://www.example.go.jp/1"
    publisher: "厚生労働省"
tags: ["薬機法", "ISO 13485"]
---
本文です。

## 概要

説明します。

### 手順

順に進めます。

## まとめ

以上です。
"""

GUIDE_EN = GUIDE.replace('title: "クラス分類の基礎"', 'title: "Device classes"')

SEMINAR = """---
title: "レーザー安全セミナー"
date: 2027-12-01
start: 2027-12-05T14:00:00+09:00
end: 2027-12-05T15:30:00+09:00
attendance: offline
organizer: "医工連携コンソーシアム埼玉"
venue: "セミナールーム"
capacity: 80
tech_areas: [optics]
clinical_areas: [surgery]
focus_areas: [laser_photonics]
tags: ["レーザー"]
---
本文です。
"""

NEWS_EN = """---
title: "Delegation from Bavaria"
date: 2025-11-30
category: delegation
focus_areas: [minimally_invasive]
---
Text.
"""


@unittest.skipUnless(shutil.which("hugo"), "hugo is not installed")
class HugoSiteTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        files = {
            "guides/guide-classes.ja.md": GUIDE,
            "guides/guide-classes.en.md": GUIDE_EN,
            "seminars/seminar-laser.ja.md": SEMINAR,
            "seminars/seminar-laser-2.ja.md": SEMINAR.replace("2027-12-05", "2027-12-06"),
            "news/news-bavaria.en.md": NEWS_EN,
        }
        for name, text in files.items():
            path = root / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        cls.public = root / "public"
        env = dict(os.environ, HUGO_PAGINATE="1")
        cls.build = subprocess.run(
            ["hugo", "--source", str(HUGO_SITE), "--contentDir", str(root / "content"), "--destination",
             str(cls.public), "--cacheDir", str(root / "cache"), "--noBuildLock"],
            capture_output=True, text=True, env=env, timeout=300)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def page(self, path):
        return (self.public / path / "index.html").read_text()

    def test_builds_without_warnings(self):
        self.assertEqual(self.build.returncode, 0, self.build.stderr + self.build.stdout)
        self.assertNotIn("WARN", self.build.stdout + self.build.stderr)
        self.assertNotIn("ERROR", self.build.stdout + self.build.stderr)

    def test_translations_and_future_entries_are_built_like_ours(self):
        self.assertIn("クラス分類の基礎", self.page("guides/guide-classes"))
        self.assertIn("Device classes", self.page("en/guides/guide-classes"))
        self.assertIn('hreflang="en"', self.page("guides/guide-classes"))
        self.assertIn("Delegation from Bavaria", self.page("en/news/news-bavaria"))
        self.assertIn("レーザー安全セミナー", self.page("seminars/seminar-laser"))  # dated in the future

    def test_single_page_shows_labelled_fields_terms_and_toc(self):
        guide = self.page("guides/guide-classes")
        for text in ("内容確認日", "2026年2月2日", "日本・EU", "製造販売認証", "厚生労働省", 'id="TableOfContents"'):
            self.assertIn(text, guide)
        self.assertIn('href="/jp_class/ii/"', guide)
        self.assertIn("Facts last checked", self.page("en/guides/guide-classes"))
        seminar = self.page("seminars/seminar-laser")
        for text in ("セミナールーム", "会場開催", ">80<"):
            self.assertIn(text, seminar)

    def test_taxonomy_terms_pagination_feeds_and_sitemap(self):
        for taxonomy in ("tags", "focus_areas", "tech_areas", "clinical_areas", "jp_class", "eu_class"):
            self.assertTrue((self.public / taxonomy / "index.html").exists(), taxonomy)
        self.assertIn("光学", self.page("tech_areas/optics"))
        self.assertTrue((self.public / "seminars/page/2/index.html").exists())
        self.assertTrue((self.public / "seminars/index.xml").exists())
        self.assertTrue((self.public / "sitemap.xml").exists())


if __name__ == "__main__":
    unittest.main()
