#!/usr/bin/env python3
"""Helper of Benchmarks/build/run.sh: machine snapshots, output hashes and counts, the summary
table (Markdown, JSON) and the SVG chart. Standard library only.

  bench.py env OUT.json [KEY=VALUE ...]       nproc, load average, tool versions
  bench.py tree DIR [--exclude NAME ...]      prints {"files", "html", "bytes", "sha256"} of a folder
  bench.py summarize --bench-dir D --out R N...   reads D/nN/logs-build/*, writes R/table.md,
                                              R/results.json, R/chart.svg and prints the table
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path

TOOLS = ("kirameki", "hugo", "pagefind")
STAGE_NAMES = {1: "load", 2: "check", 3: "markdown", 4: "assemble", 5: "index", 6: "render", 7: "write"}
STAGE_LINE = re.compile(r"^\[(\d)/7\] (.*) in ([0-9.]+) s$")
# `kirameki-bench floor`: the time to write a filler copy of Kirameki's output (same folders,
# names and sizes), the machine's cost of that output without any rendering.
FLOOR_LINE = re.compile(r"^Wrote (\d+) files \(([0-9.]+) MiB\) in (\d+) folders to .* in ([0-9.]+) s "
                        r"\(CPU ([0-9.]+) s, of which system ([0-9.]+) s\)$")


# ---- env ------------------------------------------------------------------------------------------


def first_line(*command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return None


def cmd_env(args):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), None)
    mem_kib = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    extra = dict(item.split("=", 1) for item in args.extra)
    snapshot = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "nproc": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "cpu": cpu,
        "mem_gib": round(mem_kib / 1048576, 1),
        "kernel": platform.release(),
        "hugo": first_line("hugo", "version"),
        "swift": first_line("swift", "--version"),
    }
    snapshot["fresh_memory"] = fresh_memory_cost()
    if extra.get("pagefind"):
        snapshot["pagefind"] = first_line(extra["pagefind"], "--version")
    snapshot.update({k: v for k, v in extra.items() if k != "pagefind"})
    Path(args.out).write_text(json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n")


def fresh_memory_cost(mib=512):
    """Microseconds per 4 KiB page to fill `mib` MiB of memory just mapped: the first time, then
    again right after unmapping it. The first figure is what every page a build (or Hugo) touches
    for the first time costs the kernel here; on a virtual machine whose host hands out guest
    memory lazily it can be many times the second."""
    import ctypes
    import mmap
    import time
    size = mib << 20
    figures = []
    for _ in range(2):
        region = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
        view = (ctypes.c_char * size).from_buffer(region)
        start = time.perf_counter()
        ctypes.memset(ctypes.addressof(view), 1, size)
        figures.append((time.perf_counter() - start) * 1e6 / (size // 4096))
        del view
        region.close()
    return {"mib": mib, "first_us_per_page": round(figures[0], 2), "again_us_per_page": round(figures[1], 2)}


# ---- tree -----------------------------------------------------------------------------------------


def tree_summary(root, exclude=()):
    """File count, HTML count, bytes and one SHA-256 over every relative path and file content."""
    root = Path(root)
    digest = hashlib.sha256()
    files = html = size = 0
    paths = sorted(p for p in root.rglob("*") if p.is_file() and not (set(p.relative_to(root).parts) & set(exclude)))
    for path in paths:
        data = path.read_bytes()
        relative = path.relative_to(root).as_posix()
        digest.update(relative.encode() + b"\0" + hashlib.sha256(data).digest())
        files += 1
        size += len(data)
        html += relative.endswith(".html")
    return {"files": files, "html": html, "bytes": size, "sha256": digest.hexdigest()}


def cmd_tree(args):
    print(json.dumps(tree_summary(args.dir, args.exclude)))


# ---- parsing --------------------------------------------------------------------------------------


def parse_time_v(path):
    """Wall, user, sys seconds, peak RSS in MiB and exit status from `/usr/bin/time -v -o`."""
    text = Path(path).read_text(errors="replace")
    fields = {}
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    wall_text = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    return {
        "wall": wall,
        "cpu": float(fields.get("User time (seconds)", 0)) + float(fields.get("System time (seconds)", 0)),
        "sys": float(fields.get("System time (seconds)", 0)),
        "minor_faults": int(fields.get("Minor (reclaiming a frame) page faults", 0)),
        "rss_mib": int(fields.get("Maximum resident set size (kbytes)", 0)) / 1024,
        "exit": int(fields.get("Exit status", 0)),
    }


def parse_stages(path):
    stages = {}
    pages = None
    for line in Path(path).read_text(errors="replace").splitlines():
        match = STAGE_LINE.match(line.strip())
        if match:
            stages[STAGE_NAMES[int(match.group(1))]] = float(match.group(3))
            if match.group(1) == "6":
                found = re.search(r"Rendered (\d+) pages", match.group(2))
                pages = int(found.group(1)) if found else pages
    return stages, pages


def parse_hugo_counts(path):
    """Sums Hugo's own 'Pages', 'Paginator pages' and 'Aliases' rows over the languages."""
    counts = {}
    warnings = 0
    for line in Path(path).read_text(errors="replace").splitlines():
        if line.startswith(("WARN", "ERROR")):
            warnings += 1
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 1 and cells[0] in ("Pages", "Paginator pages", "Aliases"):
            counts[cells[0]] = sum(int(c) for c in cells[1:] if c.isdigit())
    counts["warnings_and_errors"] = warnings
    return counts


def parse_floor(path):
    """Wall, CPU and system seconds of `kirameki-bench floor`'s writing, with what it wrote;
    exit 1 when its line is missing (the command failed)."""
    for line in Path(path).read_text(errors="replace").splitlines():
        match = FLOOR_LINE.match(line.strip())
        if match:
            return {"wall": float(match.group(4)), "cpu": float(match.group(5)), "sys": float(match.group(6)),
                    "files": int(match.group(1)), "mib": float(match.group(2)), "folders": int(match.group(3)),
                    "exit": 0}
    return {"wall": 0.0, "cpu": 0.0, "sys": 0.0, "exit": 1}


def parse_cpu_counters(path):
    """The whole machine's CPU seconds between two `cpu` lines of /proc/stat (before and after a
    run), summed over the cores: busy (user, nice, system, irq, softirq), idle, iowait and steal.
    None when the file is missing or incomplete."""
    path = Path(path)
    if not path.exists():
        return None
    rows = [line.split() for line in path.read_text().splitlines() if line.startswith("cpu ")]
    if len(rows) < 2 or min(len(row) for row in rows[:2]) < 9:
        return None
    before, after = ([int(x) for x in row[1:9]] for row in rows[:2])
    hz = os.sysconf("SC_CLK_TCK")
    user, nice, system, idle, iowait, irq, softirq, steal = ((a - b) / hz for a, b in zip(after, before))
    return {"busy": user + nice + system + irq + softirq, "idle": idle, "iowait": iowait, "steal": steal}


def parse_sync(path):
    """Seconds of the timed `sync` after a run (its start and end times); None when missing."""
    path = Path(path)
    parts = path.read_text().split() if path.exists() else []
    return float(parts[1]) - float(parts[0]) if len(parts) == 2 else None


def beside_and_after(runs):
    """Spreads of what the machine did beside each run and after it: `others`, its busy CPU
    seconds that were not the run's own; `idle`, idle core-seconds; `sync`, the timed sync right
    after; `wall_sync`, wall time plus that sync (until the output is on the disk)."""
    machine = [r for r in runs if r.get("machine")]
    synced = [r for r in runs if r.get("sync") is not None]
    return {
        "others": spread([r["machine"]["busy"] - r["cpu"] for r in machine]),
        "idle": spread([r["machine"]["idle"] + r["machine"]["iowait"] for r in machine]),
        "sync": spread([r["sync"] for r in synced]),
        "wall_sync": spread([r["wall"] + r["sync"] for r in synced]),
    }


def read_json(path):
    path = Path(path)
    return json.loads(path.read_text()) if path.exists() else None


def spread(values):
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def collect(bench_dir, n):
    work = Path(bench_dir) / f"n{n}"
    logs = work / "logs-build"
    result = {"entries": n, "tools": {}}
    corpus_bytes = sum(p.stat().st_size for p in (work / "content").rglob("*.md"))
    result["markdown_mib"] = corpus_bytes / 1048576
    result["content_files"] = sum(1 for _ in (work / "content").rglob("*.md"))
    for tool in TOOLS:
        runs = []
        for time_file in sorted(logs.glob(f"{tool}.*.time"), key=lambda p: int(p.name.split(".")[1])):
            run = parse_time_v(time_file)
            index = time_file.name.split(".")[1]
            if tool == "kirameki":
                run["stages"], run["pages"] = parse_stages(logs / f"kirameki.{index}.err")
            run["machine"] = parse_cpu_counters(logs / f"{tool}.{index}.stat")
            run["sync"] = parse_sync(logs / f"{tool}.{index}.sync")
            runs.append(run)
        if not runs:
            continue
        ok = [r for r in runs if r["exit"] == 0]
        summary = {
            "runs": runs,
            "failed_runs": len(runs) - len(ok),
            "wall": spread([r["wall"] for r in ok]),
            "cpu": spread([r["cpu"] for r in ok]),
            "sys": spread([r.get("sys", 0.0) for r in ok]),
            "minor_faults": spread([r.get("minor_faults", 0) for r in ok]),
            "peak_rss_mib": max((r["rss_mib"] for r in ok), default=None),
            **beside_and_after(ok),
        }
        if tool == "kirameki":
            names = [name for name in STAGE_NAMES.values() if all(name in r["stages"] for r in ok)]
            summary["stages"] = {name: spread([r["stages"][name] for r in ok]) for name in names}
            summary["pages_rendered"] = ok[-1]["pages"] if ok else None
        result["tools"][tool] = summary
    floors = []
    for out in sorted(logs.glob("floor.*.out"), key=lambda p: int(p.name.split(".")[1])):
        floors.append({**parse_floor(out), "sync": parse_sync(out.with_suffix(".sync"))})
    floors_ok = [r for r in floors if r["exit"] == 0]
    if floors:
        result["tools"]["floor"] = {
            "runs": floors, "failed_runs": len(floors) - len(floors_ok),
            "wall": spread([r["wall"] for r in floors_ok]), "cpu": spread([r["cpu"] for r in floors_ok]),
            "sys": spread([r["sys"] for r in floors_ok]),
            "files": floors_ok[-1]["files"] if floors_ok else None,
            "mib": floors_ok[-1]["mib"] if floors_ok else None,
            "folders": floors_ok[-1]["folders"] if floors_ok else None,
            "sync": spread([r["sync"] for r in floors_ok if r["sync"] is not None]),
            "wall_sync": spread([r["wall"] + r["sync"] for r in floors_ok if r["sync"] is not None]),
        }
    result["env_start"] = read_json(logs / "env.start.json") or {}
    result["env_end"] = read_json(logs / "env.end.json") or {}
    result["kirameki_output"] = read_json(logs / "kirameki.tree.json")
    result["hugo_output"] = read_json(logs / "hugo.tree.json")
    if (logs / "hugo.1.out").exists():
        result["hugo_counts"] = parse_hugo_counts(logs / "hugo.1.out")
    rebuilds = [parse_time_v(p) for p in sorted(logs.glob("rebuild.*.time"))]
    result["rebuild"] = {"runs": rebuilds, "wall": spread([r["wall"] for r in rebuilds if r["exit"] == 0])}
    clean_hashes = sorted({read_json(p)["sha256"] for p in logs.glob("kirameki.*.hash.json")})
    rebuild_hashes = sorted({read_json(p)["sha256"] for p in logs.glob("rebuild.*.hash.json")})
    result["determinism"] = {
        "clean_builds_compared": len(list(logs.glob("kirameki.*.hash.json"))),
        "clean_identical": len(clean_hashes) == 1,
        "rebuild_identical": bool(rebuild_hashes) and rebuild_hashes == clean_hashes,
    }
    return result


# ---- table ----------------------------------------------------------------------------------------


def fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def fmt_spread(s, digits=2):
    if not s:
        return "–"
    if s["runs"] == 1:
        return f"{fmt(s['median'], digits)} (1)"
    return f"{fmt(s['median'], digits)} ({s['runs']}; {fmt(s['min'], digits)}–{fmt(s['max'], digits)})"


def ratio(a, b):
    return None if a is None or not b else a / b


def mib(size):
    return None if size is None else size / (1 << 20)


def median_of(tool_summary, key="wall"):
    return tool_summary[key]["median"] if tool_summary and tool_summary.get(key) else None


def render_table(results, notes):
    lines = ["# Build benchmark: Kirameki against Hugo (build) and Pagefind (search index)", ""]
    lines += [
        "Generated by `Benchmarks/build/run.sh` (see `Benchmarks/build/README.md`). Medians over the runs "
        "(min–max in brackets); peak RSS is the largest over the runs; pages/s = HTML files written / median wall.",
        "",
    ]
    env = results[0]["env_start"] if results else {}
    lines += [f"Machine: {env.get('nproc')} cores ({env.get('cpu')}), {env.get('mem_gib')} GiB, "
              f"kernel {env.get('kernel')}.", ""]
    lines += [f"Tools: {env.get('hugo') or 'hugo not installed'}; {env.get('pagefind') or 'pagefind not installed'}; "
              f"kirameki binary sha256 {env.get('kirameki_sha256', '?')}…; corpus seed {env.get('seed')}; "
              f"`--now {env.get('now')}`.", ""]
    lines += ["| entries | runs | started (UTC) | load average at start (1, 5, 15 min) | ended (UTC) | load average at end |",
              "|---:|---:|---|---|---|---|"]
    busy = False
    for r in results:
        start, end = r["env_start"], r["env_end"]
        for snapshot in (start, end):
            if snapshot.get("loadavg") and snapshot["loadavg"][0] > (snapshot.get("nproc") or 1):
                busy = True
        lines.append(f"| {fmt(r['entries'])} | {start.get('runs', '–')} | {start.get('date', '–')} | "
                     f"{start.get('loadavg', '–')} | {end.get('date', '–')} | {end.get('loadavg', '–')} |")
    lines.append("")
    if busy:
        lines += ["**The load average exceeded the core count: other work shared the machine, so absolute "
                  "figures are noisy. Re-run on a quiet machine before quoting them.**", ""]

    lines += ["## Full clean build", ""]
    lines += ["| entries | Markdown MiB | Kirameki HTML pages | Kirameki wall s | Kirameki CPU s | Kirameki peak RSS MiB "
              "| Kirameki pages/s | Hugo HTML pages | Hugo wall s | Hugo CPU s | Hugo peak RSS MiB | Hugo pages/s "
              "| Kirameki / Hugo wall |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        k, h = r["tools"].get("kirameki"), r["tools"].get("hugo")
        k_html = (r["kirameki_output"] or {}).get("html")
        h_html = (r["hugo_output"] or {}).get("html")
        lines.append("| " + " | ".join([
            fmt(r["entries"]), fmt(r["markdown_mib"], 1), fmt(k_html),
            fmt_spread(k and k["wall"]), fmt_spread(k and k["cpu"]), fmt(k and k["peak_rss_mib"], 0),
            fmt(ratio(k_html, median_of(k)), 0),
            fmt(h_html) if h else "–", fmt_spread(h and h["wall"]), fmt_spread(h and h["cpu"]),
            fmt(h and h["peak_rss_mib"], 0), fmt(ratio(h_html, median_of(h)), 0) if h else "–",
            fmt(ratio(median_of(k), median_of(h)), 3),
        ]) + " |")
    lines.append("")

    lines += ["## Kernel share of the clean builds", ""]
    lines += ["| entries | Kirameki CPU s | of which system s | system share | Kirameki minor page faults "
              "| Hugo CPU s | of which system s | system share | Hugo minor page faults | fresh memory µs per page "
              "(first touch; again) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    def kernel_cells(tool):
        return [fmt(median_of(tool, "cpu")), fmt_spread(tool and tool.get("sys")),
                fmt(ratio(median_of(tool, "sys"), median_of(tool, "cpu")), 2),
                fmt_spread(tool and tool.get("minor_faults"), 0)]
    for r in results:
        memory = (r["env_start"] or {}).get("fresh_memory")
        lines.append("| " + " | ".join(
            [fmt(r["entries"])] + kernel_cells(r["tools"].get("kirameki")) + kernel_cells(r["tools"].get("hugo"))
            + [f"{fmt(memory['first_us_per_page'])}; {fmt(memory['again_us_per_page'])}" if memory else "–"]) + " |")
    lines += ["", "System time is the kernel working for the build: creating folders and files, copying "
              "the pages into the page cache and giving the process fresh memory (one minor page fault per "
              "4 KiB page touched). Its cost per page is the machine's, measured before each size in the last "
              "column: on a virtual machine the first touch of a page can cost many times a touch of one just "
              "freed.", ""]

    if any(r["tools"].get("floor") for r in results):
        lines += ["## Writing the output alone: the machine's floor", ""]
        lines += ["| entries | files | MiB | folders | floor wall s | floor CPU s | of which system s "
                  "| Kirameki wall s | floor / Kirameki wall | Kirameki wall − floor s |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in results:
            f, k = r["tools"].get("floor"), r["tools"].get("kirameki")
            if not f:
                continue
            lines.append("| " + " | ".join([
                fmt(r["entries"]), fmt(f["files"]), fmt(f["mib"], 1), fmt(f["folders"]), fmt_spread(f["wall"]),
                fmt_spread(f["cpu"]), fmt_spread(f["sys"]), fmt(median_of(k)),
                fmt(ratio(median_of(f), median_of(k)), 2),
                fmt(median_of(k) - median_of(f), 2) if median_of(k) is not None and median_of(f) is not None else "–",
            ]) + " |")
        lines += ["", "`kirameki-bench floor` writes a filler copy of Kirameki's output: the same folders, file "
                  "names and sizes, made by a plain writer (the files on one thread per core, folders made as "
                  "they are needed, no sync) with no rendering at all, in the same rotation as the tools. "
                  "It is what putting that output on this machine's disk costs by itself.", ""]

    if any((r["tools"].get(tool) or {}).get("sync") for r in results for tool in ("kirameki", "hugo", "floor")):
        lines += ["## Beside and after the build: the kernel's writeback", ""]
        lines += ["| entries | Kirameki wall s | other CPU s meanwhile | idle core-s | sync right after s "
                  "| Kirameki wall + sync s | Hugo wall s | other CPU s meanwhile | sync right after s "
                  "| Hugo wall + sync s | floor wall + sync s |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in results:
            k, h, f = (r["tools"].get(tool) or {} for tool in ("kirameki", "hugo", "floor"))
            lines.append("| " + " | ".join([
                fmt(r["entries"]), fmt(median_of(k)), fmt_spread(k.get("others")), fmt_spread(k.get("idle")),
                fmt_spread(k.get("sync")), fmt_spread(k.get("wall_sync")), fmt(median_of(h)),
                fmt_spread(h.get("others")), fmt_spread(h.get("sync")), fmt_spread(h.get("wall_sync")),
                fmt_spread(f.get("wall_sync")),
            ]) + " |")
        lines += ["", "A written file's bytes wait in memory until the kernel puts them on the disk: within 30 s, "
                  "or while the build still runs once they pass a tenth of the available memory (`vm.dirty_background_ratio`). "
                  "\"Other CPU\" is the machine's busy CPU time during the build (`/proc/stat`, every core) less the "
                  "build's own: the kernel's writeback and reclaim threads, and anything else running (both are "
                  "counted in clock ticks, 10 ms here, so a few hundredths either way are noise). The `sync` "
                  "right after the build times the writeback it left; wall + sync is the time until the output is "
                  "on the disk.", ""]

    if len(results) > 1:
        lines += ["## Growth from one size to the next (ratio of medians)", ""]
        lines += ["| entries | entries × | Kirameki wall × | Kirameki CPU × | Kirameki system × | Hugo wall × "
                  "| floor wall × | Kirameki wall − floor × | Kirameki wall + sync × | Hugo wall + sync × "
                  "| floor wall + sync × |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for before, after in zip(results, results[1:]):
            def grown(tool, key="wall"):
                return fmt(ratio(median_of(after["tools"].get(tool), key), median_of(before["tools"].get(tool), key)), 1)

            def beyond_floor(result):
                k, f = median_of(result["tools"].get("kirameki")), median_of(result["tools"].get("floor"))
                return None if k is None or f is None else k - f
            lines.append("| " + " | ".join([
                f"{fmt(before['entries'])} → {fmt(after['entries'])}",
                fmt(ratio(after["entries"], before["entries"]), 1), grown("kirameki"), grown("kirameki", "cpu"),
                grown("kirameki", "sys"), grown("hugo"), grown("floor"),
                fmt(ratio(beyond_floor(after), beyond_floor(before)), 1), grown("kirameki", "wall_sync"),
                grown("hugo", "wall_sync"), grown("floor", "wall_sync"),
            ]) + " |")
        lines.append("")

    lines += ["## Search index: Kirameki's index stage against Pagefind on Kirameki's output", ""]
    lines += ["| entries | index stage s `[5/7]` | Pagefind wall s | Pagefind CPU s | Pagefind peak RSS MiB "
              "| index / Pagefind time | Kirameki whole-build peak RSS / Pagefind peak RSS |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        k, p = r["tools"].get("kirameki"), r["tools"].get("pagefind")
        index = k and k["stages"].get("index")
        lines.append("| " + " | ".join([
            fmt(r["entries"]), fmt_spread(index), fmt_spread(p and p["wall"]), fmt_spread(p and p["cpu"]),
            fmt(p and p["peak_rss_mib"], 0), fmt(ratio(index and index["median"], median_of(p)), 3),
            fmt(ratio(k and k["peak_rss_mib"], p and p["peak_rss_mib"]), 3),
        ]) + " |")
    lines.append("")

    lines += ["## Kirameki per stage (median s over the clean builds)", ""]
    lines += ["| entries | " + " | ".join(f"{i} {name}" for i, name in STAGE_NAMES.items()) + " | sum | wall |",
              "|---:|" + "---:|" * (len(STAGE_NAMES) + 2)]
    for r in results:
        k = r["tools"].get("kirameki")
        if not k:
            continue
        stages = [k["stages"].get(name) for name in STAGE_NAMES.values()]
        total = sum(s["median"] for s in stages if s)
        lines.append("| " + " | ".join([fmt(r["entries"])] + [fmt(s and s["median"]) for s in stages]
                                       + [fmt(total), fmt(median_of(k))]) + " |")
    lines += ["", "Stage 6 writes each batch of pages while the next batch renders, so its time includes "
              "writing the pages and, beside the first batch, the feeds, calendars and assets; stage 5 hands "
              "the search index's files to the same writer as it makes them, so their writing may go on into "
              "stage 6; stage 7 puts the site in place.", ""]

    lines += ["## No-change rebuild and determinism (Kirameki)", ""]
    lines += ["| entries | full build s | no-change rebuild s | rebuild / full | clean builds compared "
              "| clean builds byte-identical | rebuild output identical |",
              "|---:|---:|---:|---:|---:|:---:|:---:|"]
    for r in results:
        k = r["tools"].get("kirameki")
        d = r["determinism"]
        lines.append("| " + " | ".join([
            fmt(r["entries"]), fmt(median_of(k)), fmt_spread(r["rebuild"]["wall"]),
            fmt(ratio(r["rebuild"]["wall"] and r["rebuild"]["wall"]["median"], median_of(k)), 3),
            fmt(d["clean_builds_compared"]), "yes" if d["clean_identical"] else "**no**",
            "yes" if d["rebuild_identical"] else "**no**",
        ]) + " |")
    lines.append("")

    lines += ["## Page counts and output size", ""]
    lines += ["| entries | content files | Kirameki pages rendered | Kirameki HTML files | Kirameki files "
              "| Kirameki MiB | Hugo HTML files | Hugo files | Hugo MiB | Kirameki / Hugo bytes "
              "| Hugo Pages / Paginator pages / Aliases (all languages) | Hugo WARN/ERROR lines |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        k = r["tools"].get("kirameki") or {}
        ko, ho, hc = r["kirameki_output"] or {}, r["hugo_output"] or {}, r.get("hugo_counts") or {}
        lines.append("| " + " | ".join([
            fmt(r["entries"]), fmt(r["content_files"]), fmt(k.get("pages_rendered")), fmt(ko.get("html")),
            fmt(ko.get("files")), fmt(mib(ko.get("bytes")), 1), fmt(ho.get("html")), fmt(ho.get("files")),
            fmt(mib(ho.get("bytes")), 1), fmt(ratio(ko.get("bytes"), ho.get("bytes")), 2),
            f"{fmt(hc.get('Pages'))} / {fmt(hc.get('Paginator pages'))} / {fmt(hc.get('Aliases'))}" if hc else "–",
            fmt(hc.get("warnings_and_errors")) if hc else "–",
        ]) + " |")
    lines.append("")
    if notes:
        lines += ["Notes:", ""] + [f"- {note}" for note in notes] + [""]
    lines += ["![Build wall time against entries](chart.svg)", ""]
    return "\n".join(lines)


# ---- chart ----------------------------------------------------------------------------------------


def log_ticks(low, high):
    """Powers of ten (and 2, 5 multiples when the range is short) covering [low, high]."""
    ticks = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for mantissa in (1, 2, 5) if math.log10(high / low) < 3 else (1,):
            value = mantissa * 10 ** exponent
            if low <= value <= high:
                ticks.append(value)
    return ticks


def tick_label(value):
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def render_chart(results):
    series_defs = [
        ("Kirameki full build", "#c2185b", "", lambda r: (r["tools"].get("kirameki") or {}).get("wall")),
        ("Hugo full build (no search index)", "#1565c0", "", lambda r: (r["tools"].get("hugo") or {}).get("wall")),
        ("Kirameki index stage [5/7]", "#c2185b", "6 4",
         lambda r: ((r["tools"].get("kirameki") or {}).get("stages") or {}).get("index")),
        ("Pagefind on Kirameki's output", "#2e7d32", "6 4", lambda r: (r["tools"].get("pagefind") or {}).get("wall")),
        ("Writing Kirameki's output alone", "#757575", "2 3", lambda r: (r["tools"].get("floor") or {}).get("wall")),
    ]
    series = []
    for name, color, dash, pick in series_defs:
        points = [(r["entries"], pick(r)) for r in results if pick(r)]
        if points:
            series.append((name, color, dash, points))
    width, height = 800, 460
    left, right, top, bottom = 80, 250, 40, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = [x for *_, pts in series for x, _ in pts] or [1000]
    ys = [s[k] for *_, pts in series for _, s in pts for k in ("min", "max") if s[k] > 0] or [1]
    x_low, x_high = min(xs) / 2, max(xs) * 2
    # A little room below the lowest point, so that none sits on the axis.
    y_low = 10 ** math.floor(math.log10(min(ys) * 0.9))
    y_high = 10 ** math.ceil(math.log10(max(ys)))
    if y_high / y_low < 100:
        y_high = y_low * 100

    def px(x):
        return left + plot_w * math.log10(x / x_low) / math.log10(x_high / x_low)

    def py(y):
        return top + plot_h * (1 - math.log10(y / y_low) / math.log10(y_high / y_low))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="system-ui, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#fff"/>',
           f'<text x="{left}" y="22" font-size="15" font-weight="bold">Clean build wall time against entries '
           '(median, whiskers min–max)</text>']
    for y in log_ticks(y_low, y_high):
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{py(y):.1f}" y2="{py(y):.1f}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{left - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{tick_label(y)}</text>')
    for x in log_ticks(x_low, x_high):
        out.append(f'<line x1="{px(x):.1f}" x2="{px(x):.1f}" y1="{top}" y2="{top + plot_h}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{px(x):.1f}" y="{top + plot_h + 18}" text-anchor="middle">{tick_label(x)}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#555"/>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 15}" text-anchor="middle">entries (log scale)</text>')
    out.append(f'<text transform="translate(20 {top + plot_h / 2}) rotate(-90)" text-anchor="middle">'
               'wall time, seconds (log scale)</text>')
    notes = ["dashed, hollow: search index only"]
    if any(dash == "2 3" for _, _, dash, _ in series):
        notes.append("dotted, hollow: writing alone")
    for line, note in enumerate(notes):
        out.append(f'<text x="{left + plot_w + 15}" y="{top + 10 + len(series) * 22 + 8 + line * 16}" '
                   f'fill="#555">{note}</text>')
    for i, (name, color, dash, points) in enumerate(series):
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        # A small sideways offset per series keeps whiskers at the same N apart.
        dx = (i - (len(series) - 1) / 2) * 7
        path = " ".join(
            f"{'M' if j == 0 else 'L'}{px(x) + dx:.1f},{py(s['median']):.1f}" for j, (x, s) in enumerate(points))
        out.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"{dash_attr}/>')
        fill = "#fff" if dash else color
        for x, s in points:
            out.append(f'<line x1="{px(x) + dx:.1f}" x2="{px(x) + dx:.1f}" y1="{py(s["min"]):.1f}" '
                       f'y2="{py(s["max"]):.1f}" stroke="{color}" stroke-width="1.5"/>')
            out.append(f'<circle cx="{px(x) + dx:.1f}" cy="{py(s["median"]):.1f}" r="4" fill="{fill}" stroke="{color}" '
                       f'stroke-width="2"><title>{name}: {x} entries, {s["median"]:.2f} s</title></circle>')
        ly = top + 10 + i * 22
        lx = left + plot_w + 15
        out.append(f'<line x1="{lx}" x2="{lx + 28}" y1="{ly}" y2="{ly}" stroke="{color}" stroke-width="2"{dash_attr}/>')
        out.append(f'<text x="{lx + 34}" y="{ly + 4}">{name}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def cmd_summarize(args):
    bench_dir = Path(args.bench_dir)
    results = [collect(bench_dir, n) for n in args.entries]
    notes = list(args.note)
    table = render_table(results, notes)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "table.md").write_text(table)
    (out / "chart.svg").write_text(render_chart(results))
    (out / "results.json").write_text(json.dumps(
        {"results": results}, indent=1, ensure_ascii=False) + "\n")
    print(table)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    env = sub.add_parser("env")
    env.add_argument("out")
    env.add_argument("extra", nargs="*")
    env.set_defaults(run=cmd_env)
    tree = sub.add_parser("tree")
    tree.add_argument("dir")
    tree.add_argument("--exclude", action="append", default=[])
    tree.set_defaults(run=cmd_tree)
    summarize = sub.add_parser("summarize")
    summarize.add_argument("--bench-dir", required=True)
    summarize.add_argument("--out", required=True)
    summarize.add_argument("--note", action="append", default=[])
    summarize.add_argument("entries", nargs="+", type=int)
    summarize.set_defaults(run=cmd_summarize)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    sys.exit(main())
