#!/usr/bin/env python3
"""Tests of bench.py's parsing, hashing, summary and chart: python3 -m unittest Benchmarks/build/test_bench.py"""
import json
import os
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

TIME_V = """\tCommand being timed: "kirameki build"
\tUser time (seconds): {user}
\tSystem time (seconds): {sys}
\tElapsed (wall clock) time (h:mm:ss or m:ss): {wall}
\tMaximum resident set size (kbytes): {rss}
\tMinor (reclaiming a frame) page faults: {faults}
\tExit status: {exit}
"""

STAGES = """[1/7] Loaded 12 content files in 0.10 s
[2/7] Checked 12 entries in 0.20 s
[3/7] Rendered 12 Markdown bodies in 0.30 s
[4/7] Assembled 12 pages in 7 sections in 0.40 s
[5/7] Indexed 12 pages for search (100 postings in 3 shards) in {index} s
[6/7] Rendered 40 pages in 0.60 s
[7/7] Wrote 50 files to /x/site in 0.70 s
Built 40 pages into /x/site (0 errors, 0 warnings)
"""

HUGO_OUT = """Start building sites …
WARN 2026/11/25 found no layout file
                   |  JA  | EN | DE
-------------------+------+----+-----
  Pages            | 1158 | 64 | 22
  Paginator pages  |  425 |  0 |  0
  Aliases          |  160 | 30 |  9
Total in 28188 ms
"""


FLOOR_OUT = "Wrote {files} files (12.5 MiB) in 40 folders to /x/floor in {wall} s (CPU {cpu} s, of which system {sys} s)\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


class ParsingTests(unittest.TestCase):
    def test_time_v_minutes_and_hours(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "t"
            write(path, TIME_V.format(user=1.5, sys=0.25, wall="2:03.50", rss=2048, faults=5120, exit=0))
            run = bench.parse_time_v(path)
            self.assertAlmostEqual(run["wall"], 123.5)
            self.assertAlmostEqual(run["cpu"], 1.75)
            self.assertAlmostEqual(run["rss_mib"], 2.0)
            self.assertAlmostEqual(run["sys"], 0.25)
            self.assertEqual(run["minor_faults"], 5120)
            write(path, TIME_V.format(user=1, sys=0, wall="1:00:01", rss=1024, faults=0, exit=3))
            run = bench.parse_time_v(path)
            self.assertAlmostEqual(run["wall"], 3601)
            self.assertEqual(run["exit"], 3)

    def test_stage_lines(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "err"
            write(path, STAGES.format(index="0.55"))
            stages, pages = bench.parse_stages(path)
            self.assertEqual(list(stages), list(bench.STAGE_NAMES.values()))
            self.assertAlmostEqual(stages["index"], 0.55)
            self.assertEqual(pages, 40)

    def test_floor_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "floor.1.out"
            write(path, FLOOR_OUT.format(files=50, wall="1.25", cpu="2.50", sys="2.25"))
            run = bench.parse_floor(path)
            self.assertEqual((run["files"], run["folders"], run["exit"]), (50, 40, 0))
            self.assertAlmostEqual(run["mib"], 12.5)
            self.assertEqual((run["wall"], run["cpu"], run["sys"]), (1.25, 2.5, 2.25))
            write(path, "error: cannot write '/x/floor': already exists\n")
            self.assertEqual(bench.parse_floor(path)["exit"], 1)

    def test_hugo_counts_sum_languages_and_count_warnings(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "out"
            write(path, HUGO_OUT)
            counts = bench.parse_hugo_counts(path)
            self.assertEqual(counts["Pages"], 1158 + 64 + 22)
            self.assertEqual(counts["Paginator pages"], 425)
            self.assertEqual(counts["Aliases"], 199)
            self.assertEqual(counts["warnings_and_errors"], 1)


def cpu_lines(before, after):
    """Two `cpu` lines of /proc/stat; before and after are (user, system, idle, iowait, steal) seconds."""
    hz = os.sysconf("SC_CLK_TCK")
    def line(user, system, idle, iowait, steal):
        ticks = [round(x * hz) for x in (user, 0, system, idle, iowait, 0, 0, steal)]
        return "cpu  " + " ".join(str(t) for t in ticks) + " 0 0\n"
    return line(*before) + line(*after)


class MachineTests(unittest.TestCase):
    def test_cpu_counters_are_seconds_over_every_core(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "kirameki.1.stat"
            write(path, cpu_lines((100, 20, 500, 1, 0), (103.5, 21.5, 500.75, 1.25, 0.5)))
            machine = bench.parse_cpu_counters(path)
            self.assertAlmostEqual(machine["busy"], 5.0)
            self.assertAlmostEqual(machine["idle"], 0.75)
            self.assertAlmostEqual(machine["iowait"], 0.25)
            self.assertAlmostEqual(machine["steal"], 0.5)
            write(path, cpu_lines((1, 1, 1, 1, 1), (2, 2, 2, 2, 2)).splitlines()[0] + "\n")
            self.assertIsNone(bench.parse_cpu_counters(path))
            self.assertIsNone(bench.parse_cpu_counters(Path(tmp) / "missing.stat"))

    def test_sync_is_end_minus_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "kirameki.1.sync"
            write(path, "1796590000.250000000 1796590001.750000000\n")
            self.assertAlmostEqual(bench.parse_sync(path), 1.5)
            write(path, "1796590000.25\n")
            self.assertIsNone(bench.parse_sync(path))
            self.assertIsNone(bench.parse_sync(Path(tmp) / "missing.sync"))


class TreeTests(unittest.TestCase):
    def test_hash_changes_with_content_and_path_but_not_with_order_of_creation(self):
        with tempfile.TemporaryDirectory() as tmp:
            a, b = Path(tmp) / "a", Path(tmp) / "b"
            write(a / "x/index.html", "one")
            write(a / "y.xml", "two")
            write(b / "y.xml", "two")
            write(b / "x/index.html", "one")
            summary = bench.tree_summary(a)
            self.assertEqual(summary, bench.tree_summary(b))
            self.assertEqual((summary["files"], summary["html"], summary["bytes"]), (2, 1, 6))
            write(b / "x/index.html", "One")
            self.assertNotEqual(summary["sha256"], bench.tree_summary(b)["sha256"])
            (b / "x/index.html").rename(b / "x/other.html")
            self.assertNotEqual(summary["sha256"], bench.tree_summary(b)["sha256"])


def fake_run(bench_dir, n, walls, index_times, hugo_walls, hashes, rebuild_hashes, beside=False):
    """A size's logs. With `beside`, each run also has the machine's counters (0.5 s of other CPU,
    0.3 s idle and 0.1 s iowait while it ran) and a timed sync after it (Kirameki 1 s, Hugo 4 s,
    the floor 0.25 s)."""
    logs = Path(bench_dir) / f"n{n}" / "logs-build"
    write(Path(bench_dir) / f"n{n}" / "content/news/a.ja.md", "x" * 1024)
    for i, (wall, index, hugo, digest) in enumerate(zip(walls, index_times, hugo_walls, hashes), start=1):
        write(logs / f"kirameki.{i}.time", TIME_V.format(user=wall, sys=wall / 4, wall=f"0:{wall:05.2f}", rss=1024, faults=1000 * i, exit=0))
        write(logs / f"kirameki.{i}.err", STAGES.format(index=index))
        write(logs / f"kirameki.{i}.hash.json", json.dumps({"sha256": digest}))
        write(logs / f"hugo.{i}.time", TIME_V.format(user=hugo, sys=hugo / 2, wall=f"0:{hugo:05.2f}", rss=4096, faults=7000, exit=0))
        write(logs / f"pagefind.{i}.time", TIME_V.format(user=9, sys=0, wall="0:10.00", rss=8192, faults=1, exit=0))
        write(logs / f"floor.{i}.out", FLOOR_OUT.format(files=50, wall=f"{wall / 2:.2f}", cpu=f"{wall:.2f}", sys=f"{wall:.2f}"))
        if beside:
            for tool, cpu, synced in (("kirameki", wall * 1.25, 1.0), ("hugo", hugo * 1.5, 4.0)):
                write(logs / f"{tool}.{i}.stat", cpu_lines((10, 10, 10, 10, 0), (10 + cpu + 0.5, 10, 10.3, 10.1, 0)))
                write(logs / f"{tool}.{i}.sync", f"100.5 {100.5 + synced}\n")
            write(logs / f"floor.{i}.sync", "200.0 200.25\n")
    write(logs / "hugo.1.out", HUGO_OUT)
    for i, digest in enumerate(rebuild_hashes, start=1):
        write(logs / f"rebuild.{i}.time", TIME_V.format(user=1, sys=0, wall="0:01.00", rss=1024, faults=1, exit=0))
        write(logs / f"rebuild.{i}.hash.json", json.dumps({"sha256": digest}))
    write(logs / "kirameki.tree.json", json.dumps({"files": 50, "html": 40, "bytes": 3 << 20, "sha256": hashes[0]}))
    write(logs / "hugo.tree.json", json.dumps({"files": 30, "html": 20, "bytes": 1 << 19, "sha256": "h"}))
    write(logs / "env.start.json", json.dumps({
        "nproc": 2, "loadavg": [0.5, 0.5, 0.5], "runs": len(walls),
        "fresh_memory": {"mib": 512, "first_us_per_page": 11.5, "again_us_per_page": 2.25}}))


class FreshMemoryTests(unittest.TestCase):
    def test_both_touches_are_timed_per_page(self):
        cost = bench.fresh_memory_cost(mib=8)
        self.assertEqual(cost["mib"], 8)
        self.assertGreater(cost["first_us_per_page"], 0)
        self.assertGreater(cost["again_us_per_page"], 0)


class SummaryTests(unittest.TestCase):
    def test_medians_ratios_and_determinism(self):
        with tempfile.TemporaryDirectory() as tmp:
            fake_run(tmp, 100, [3.0, 1.0, 2.0], ["0.30", "0.10", "0.20"], [4.0, 8.0, 6.0], ["s", "s", "s"], ["s"],
                     beside=True)
            result = bench.collect(tmp, 100)
            kirameki = result["tools"]["kirameki"]
            self.assertEqual(kirameki["wall"], {"median": 2.0, "min": 1.0, "max": 3.0, "runs": 3})
            self.assertAlmostEqual(kirameki["stages"]["index"]["median"], 0.2)
            self.assertAlmostEqual(result["tools"]["hugo"]["wall"]["median"], 6.0)
            self.assertAlmostEqual(result["tools"]["pagefind"]["peak_rss_mib"], 8.0)
            self.assertEqual(result["tools"]["floor"]["wall"], {"median": 1.0, "min": 0.5, "max": 1.5, "runs": 3})
            self.assertTrue(result["determinism"]["clean_identical"])
            self.assertTrue(result["determinism"]["rebuild_identical"])
            table = bench.render_table([result], [])
            self.assertIn("| 0.333 |", table)  # Kirameki / Hugo wall: 2 / 6
            self.assertIn("| 0.020 |", table)  # index / Pagefind: 0.2 / 10
            self.assertNotIn("noisy", table)
            # Floor: wall 1 (median of 1.5, 0.5, 1), CPU 2, Kirameki 2: half of Kirameki's wall, 1 s more.
            self.assertIn("| 100 | 50 | 12.5 | 40 | 1.00 (3; 0.50–1.50) | 2.00 (3; 1.00–3.00) "
                          "| 2.00 (3; 1.00–3.00) | 2.00 | 0.50 | 1.00 |", table)
            # Kernel share: CPU 2 + 0.5 (median run), system 0.5 of it; Hugo 6 + 3, system 3; faults 2,000.
            self.assertIn("| 100 | 2.50 | 0.50 (3; 0.25–0.75) | 0.20 | 2,000 (3; 1,000–3,000) | 9.00 "
                          "| 3.00 (3; 2.00–4.00) | 0.33 | 7,000 (3; 7,000–7,000) | 11.50; 2.25 |", table)
            # Beside and after: 0.5 s of other CPU and 0.4 idle core-seconds during every build; Kirameki
            # 2 s + 1 s sync (runs 4, 2, 3), Hugo 6 s + 4 s (8, 12, 10), floor 1 s + 0.25 s.
            self.assertIn("| 100 | 2.00 | 0.50 (3; 0.50–0.50) | 0.40 (3; 0.40–0.40) | 1.00 (3; 1.00–1.00) "
                          "| 3.00 (3; 2.00–4.00) | 6.00 | 0.50 (3; 0.50–0.50) | 4.00 (3; 4.00–4.00) "
                          "| 10.00 (3; 8.00–12.00) | 1.25 (3; 0.75–1.75) |", table)
            # Output size: Kirameki 3 MiB in 50 files, Hugo 0.5 MiB in 30: six times the bytes.
            self.assertIn("| 100 | 1 | 40 | 40 | 50 | 3.0 | 20 | 30 | 0.5 | 6.00 | 1,244 / 425 / 199 | 1 |", table)

    def test_different_outputs_are_reported(self):
        with tempfile.TemporaryDirectory() as tmp:
            fake_run(tmp, 100, [1.0, 1.0], ["0.1", "0.1"], [1.0, 1.0], ["s", "t"], ["s"])
            result = bench.collect(tmp, 100)
            self.assertFalse(result["determinism"]["clean_identical"])
            table = bench.render_table([result], [])
            self.assertIn("**no**", table)
            # No counters or syncs recorded (results of an older run.sh): no writeback section.
            self.assertIsNone(result["tools"]["kirameki"]["sync"])
            self.assertNotIn("writeback", table)

    def test_chart_is_svg_with_a_series_per_tool(self):
        with tempfile.TemporaryDirectory() as tmp:
            fake_run(tmp, 1000, [2.0], ["0.2"], [6.0], ["s"], ["s"])
            fake_run(tmp, 10000, [20.0], ["2.0"], [50.0], ["s"], ["s"])
            results = [bench.collect(tmp, 1000), bench.collect(tmp, 10000)]
            svg = bench.render_chart(results)
            root = ET.fromstring(svg)
            paths = root.findall("{http://www.w3.org/2000/svg}path")
            self.assertEqual(len(paths), 5)
            texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
            for label in ("entries (log scale)", "Kirameki full build", "Hugo full build", "Pagefind",
                          "Writing Kirameki's output alone"):
                self.assertIn(label, texts)


class GrowthTests(unittest.TestCase):
    def test_each_size_against_the_one_before(self):
        with tempfile.TemporaryDirectory() as tmp:
            fake_run(tmp, 1000, [2.0], ["0.2"], [6.0], ["s"], ["s"], beside=True)
            fake_run(tmp, 10000, [25.0], ["2.0"], [120.0], ["s"], ["s"], beside=True)
            table = bench.render_table([bench.collect(tmp, 1000), bench.collect(tmp, 10000)], [])
            # Kirameki 2 → 25 s (×12.5; CPU and system too), Hugo 6 → 120 s (×20), floor 1 → 12.5 s;
            # Kirameki less the floor 1 → 12.5 s; with the syncs Kirameki 3 → 26 s, Hugo 10 → 124 s,
            # the floor 1.25 → 12.75 s.
            self.assertIn("| 1,000 → 10,000 | 10.0 | 12.5 | 12.5 | 12.5 | 20.0 | 12.5 | 12.5 | 8.7 | 12.4 | 10.2 |",
                          table)
            single = bench.render_table([bench.collect(tmp, 1000)], [])
            self.assertNotIn("Growth", single)


if __name__ == "__main__":
    unittest.main()
