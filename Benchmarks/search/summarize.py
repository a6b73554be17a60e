#!/usr/bin/env python3
"""Collects the logs of run.sh into one JSON document and a Markdown table.

Usage: summarize.py --bench-dir DIR --out RESULTS_DIR [--seconds S] [--latency-n N] N...

Reads DIR/env.json and, per N, DIR/nN/logs/* and the built DIR/nN/site/; writes
RESULTS_DIR/results.json (every run and every query) and RESULTS_DIR/table.md, and prints the
table on stdout.
"""
import argparse
import collections
import glob
import json
import os
import re
import statistics
import sys


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def parse_time(path):
    """The figures of one `/usr/bin/time -v` report."""
    if not os.path.exists(path):
        return None
    out = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            v = line.rsplit(": ", 1)[1]
            parts = [float(p) for p in v.split(":")]
            s = 0.0
            for p in parts:
                s = s * 60 + p
            out["wall_s"] = s
        elif line.startswith("Maximum resident set size"):
            out["peak_rss_kib"] = int(line.rsplit(": ", 1)[1])
        elif line.startswith("User time"):
            out["user_s"] = float(line.rsplit(": ", 1)[1])
        elif line.startswith("System time"):
            out["sys_s"] = float(line.rsplit(": ", 1)[1])
        elif line.startswith("Exit status"):
            out["exit"] = int(line.rsplit(": ", 1)[1])
    return out


STAGE = re.compile(r"^\[(\d+)/(\d+)\] (.*) in ([0-9.]+) s\s*$")


def parse_ours(err_path):
    stages = []
    index = None
    for line in open(err_path, encoding="utf-8", errors="replace"):
        m = STAGE.match(line.rstrip("\n"))
        if not m:
            continue
        st = {"stage": f"{m.group(1)}/{m.group(2)}", "what": m.group(3), "s": float(m.group(4))}
        stages.append(st)
        if m.group(3).startswith("Indexed"):
            index = st
    return {"stages": stages, "index_line": index["what"] if index else None, "index_s": index["s"] if index else None}


def parse_pagefind(out_path):
    text = open(out_path, encoding="utf-8", errors="replace").read() if os.path.exists(out_path) else ""
    def num(pattern):
        m = re.search(pattern, text)
        return float(m.group(1)) if m else None
    return {"pages": num(r"Indexed (\d+) pages"), "words": num(r"Indexed (\d+) words"),
            "languages": num(r"Indexed (\d+) languages"), "finished_s": num(r"Finished in ([0-9.]+) seconds")}


def tree(root):
    files = []
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            files.append((os.path.relpath(p, root).replace(os.sep, "/"), os.path.getsize(p)))
    return sorted(files)


PF_UI = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.js")


def sizes(site):
    out = {}
    ours = tree(os.path.join(site, "search"))
    cats = collections.Counter()
    cnt = collections.Counter()
    for rel, b in ours:
        if rel == "index.html":
            c = "search_page_html"
        elif re.match(r"manifest\.[^/]+\.json$", rel):
            c = "manifest"
        elif re.search(r"(^|/)t/\d+\.(bin|json)\.gz$", rel):  # t/<n>.bin.gz (index version 2; 1: .json.gz)
            c = "shards"
        elif "/d/" in rel:
            c = "chunks"
        elif rel.endswith("facets.json.gz"):
            c = "facets"
        else:
            c = "other"
        cats[c] += b
        cnt[c] += 1
    out["ours"] = {"bytes": sum(b for _, b in ours), "files": len(ours), "bytes_by_kind": dict(cats), "files_by_kind": dict(cnt)}
    js = sorted(glob.glob(os.path.join(site, "assets", "search.*.js")))
    out["ours"]["client_js"] = {"file": os.path.basename(js[0]), "bytes": os.path.getsize(js[0])} if js else None
    out["html_pages"] = sum(1 for d, _, ns in os.walk(site) if not d.startswith(os.path.join(site, "pagefind"))
                            for n in ns if n.endswith(".html"))
    pfroot = os.path.join(site, "pagefind")
    if os.path.isdir(pfroot):
        pf = tree(pfroot)
        data = [(r, b) for r, b in pf if not any(os.path.basename(r).startswith(u) for u in PF_UI)]
        cats = collections.Counter()
        cnt = collections.Counter()
        for rel, b in data:
            c = rel.split("/")[0] if "/" in rel else ("pf_meta" if rel.endswith(".pf_meta") else "wasm" if rel.startswith("wasm.") else rel)
            cats[c] += b
            cnt[c] += 1
        out["pagefind"] = {"bundle_bytes": sum(b for _, b in pf), "bundle_files": len(pf),
                           "bytes": sum(b for _, b in data), "files": len(data),
                           "bytes_by_kind": dict(cats), "files_by_kind": dict(cnt)}
    return out


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def recall_summary(doc):
    if not doc:
        return None
    by = collections.OrderedDict()
    tot = {"all": [0, 0], "exact": [0, 0], "variants": [0, 0]}
    misses = []
    per_kind = collections.OrderedDict()
    for r in doc["rows"]:
        key = f"{r['kind']}/{r['variant']}"
        by.setdefault(key, [0, 0])
        per_kind.setdefault(r["kind"], [0, 0])
        hit = 1 if r["rank"] > 0 else 0
        for k in (key,):
            by[k][0] += hit
            by[k][1] += 1
        per_kind[r["kind"]][0] += hit
        per_kind[r["kind"]][1] += 1
        tot["all"][0] += hit
        tot["all"][1] += 1
        t = "exact" if r["variant"] == "exact" else "variants"
        tot[t][0] += hit
        tot[t][1] += 1
        if not hit:
            misses.append({k: r[k] for k in ("url", "kind", "variant", "query", "results")})
    other_lang = [r for r in doc["rows"] if re.match(r"^/(en|de)/", r["url"])]
    return {"top_k": doc.get("top_k"), "by_kind_variant": by, "by_kind": per_kind, "totals": tot, "misses": misses,
            "other_language_needle_queries": len(other_lang),
            "other_language_hits": sum(1 for r in other_lang if r["rank"] > 0)}


def collect(bench, n):
    w = os.path.join(bench, f"n{n}")
    logs = os.path.join(w, "logs")
    res = {"n": n, "dir": w}
    res["corpus"] = {"time": parse_time(os.path.join(logs, "corpus.time")),
                     "log": open(os.path.join(logs, "corpus.out"), encoding="utf-8").read().strip() if os.path.exists(os.path.join(logs, "corpus.out")) else None}
    ours_runs = []
    for t in sorted(glob.glob(os.path.join(logs, "ours.*.time")), key=lambda p: int(p.split(".")[-2])):
        i = t.split(".")[-2]
        ours_runs.append({"run": int(i), **(parse_time(t) or {}), **parse_ours(os.path.join(logs, f"ours.{i}.err"))})
    pf_runs = []
    for t in sorted(glob.glob(os.path.join(logs, "pagefind.*.time")), key=lambda p: int(p.split(".")[-2])):
        i = t.split(".")[-2]
        pf_runs.append({"run": int(i), **(parse_time(t) or {}), **parse_pagefind(os.path.join(logs, f"pagefind.{i}.out"))})
    res["ours"] = {"runs": ours_runs,
                   "median_wall_s": median(r.get("wall_s") for r in ours_runs),
                   "median_index_s": median(r.get("index_s") for r in ours_runs),
                   "median_peak_rss_kib": median(r.get("peak_rss_kib") for r in ours_runs),
                   "median_cpu_s": median((r.get("user_s", 0) + r.get("sys_s", 0)) for r in ours_runs),
                   "index_line": ours_runs[-1]["index_line"] if ours_runs else None}
    res["pagefind"] = {"runs": pf_runs,
                       "median_wall_s": median(r.get("wall_s") for r in pf_runs),
                       "median_peak_rss_kib": median(r.get("peak_rss_kib") for r in pf_runs),
                       "median_cpu_s": median((r.get("user_s", 0) + r.get("sys_s", 0)) for r in pf_runs),
                       "pages": pf_runs[-1]["pages"] if pf_runs else None,
                       "words": pf_runs[-1]["words"] if pf_runs else None} if pf_runs else None
    site = os.path.join(w, "site")
    res["sizes"] = sizes(site) if os.path.isdir(site) else None
    man = sorted(glob.glob(os.path.join(site, "search", "manifest.*.json")))
    res["manifest"] = read_json(man[0]) if man else None
    res["bytes"] = {"ours": read_json(os.path.join(logs, "ours_bytes.json")), "pagefind": read_json(os.path.join(logs, "pf_bytes.json"))}
    files = {"ours": "ours_recall.json", "pagefind": "pf_recall.json", "pagefind_pagelang": "pf_recall_pagelang.json"}
    res["recall_rows"] = {k: read_json(os.path.join(logs, f)) for k, f in files.items()}
    res["recall"] = {k: recall_summary(v) for k, v in res["recall_rows"].items()}
    res["latency"] = read_json(os.path.join(logs, "latency.json"))
    return res


# ---- formatting -------------------------------------------------------------------------------

def fi(x):
    return "–" if x is None else f"{int(round(x)):,}"


def fs(x, d=2):
    return "–" if x is None else f"{x:.{d}f}"


def mib(kib):
    return "–" if kib is None else f"{kib / 1024:,.0f}"


def ratio(a, b, d=2):
    if a is None or b in (None, 0):
        return "–"
    return f"{a / b:.{d}f}"


def frac(p):
    return "–" if p is None else f"{p[0]}/{p[1]}"


def table(data):
    env = data["env"] or {}
    ns = data["ns"]
    L = []
    L.append("# Search benchmark: Kirameki vs Pagefind (anchor, same run)")
    L.append("")
    L.append(f"Measured {env.get('date', '?')} on {env.get('cores', '?')} cores ({env.get('cpu', '?')}), {env.get('mem_gib', '?')} GiB RAM; "
             f"node {env.get('node', '?')}; {env.get('pagefind') or 'Pagefind not installed'}; {env.get('chromium') or 'no Chromium'}; "
             f"kirameki binary sha256 {env.get('kirameki_sha256', '?')}. "
             f"Corpus `kirameki-bench corpus --seed {env.get('seed')}`, build `--now {env.get('now')}`; "
             f"{env.get('runs')} run(s) per tool per N, alternating, medians shown. Whole run: {data.get('seconds', '?')} s.")
    L.append("")
    L.append("Pagefind indexes the SAME built site (`pagefind_extended --site site`): the site has no "
             "`data-pagefind-body`, so Pagefind indexes every HTML page (entries, list, taxonomy and tag pages, "
             "in ja/en/de), while Kirameki's index holds one document per entry page.")
    L.append("")

    L.append("## Build and index time, memory")
    L.append("")
    L.append("| entries | our docs | HTML pages | our build wall s | our index stage s | our build peak RSS MiB | Pagefind wall s | Pagefind peak RSS MiB | Pagefind pages / words | index stage ÷ Pagefind | build wall ÷ Pagefind | build RSS ÷ Pagefind |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in ns:
        r = data["by_n"][str(n)]
        o, p = r["ours"], r["pagefind"] or {}
        docs = (r.get("manifest") or {}).get("docs")
        L.append(f"| {fi(n)} | {fi(docs)} | {fi((r['sizes'] or {}).get('html_pages'))} | {fs(o['median_wall_s'])} | {fs(o['median_index_s'])} | {mib(o['median_peak_rss_kib'])} | "
                 f"{fs(p.get('median_wall_s'))} | {mib(p.get('median_peak_rss_kib'))} | {fi(p.get('pages'))} / {fi(p.get('words'))} | "
                 f"{ratio(o['median_index_s'], p.get('median_wall_s'))} | {ratio(o['median_wall_s'], p.get('median_wall_s'))} | {ratio(o['median_peak_rss_kib'], p.get('median_peak_rss_kib'))} |")
    L.append("")
    L.append("Our index stage time is the `Indexed … in X s` line of `kirameki build`; our build wall time and RSS cover the whole build "
             "(all seven stages, every page written). Pagefind's figures are the whole `pagefind_extended` run. RSS is the peak "
             "resident set (`/usr/bin/time -v`).")
    L.append("")

    L.append("## Index size on disk")
    L.append("")
    L.append("| entries | ours: `site/search/` bytes (files) | of which search page HTML | shards | doc chunks | facets | Pagefind search data bytes (files) | Pagefind bundle incl. UI | ours ÷ Pagefind | ours per doc | Pagefind per page |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in ns:
        r = data["by_n"][str(n)]
        s = r["sizes"] or {}
        o = s.get("ours") or {}
        p = s.get("pagefind") or {}
        k = o.get("bytes_by_kind", {})
        docs = (r.get("manifest") or {}).get("docs")
        pages = (r["pagefind"] or {}).get("pages")
        L.append(f"| {fi(n)} | {fi(o.get('bytes'))} ({fi(o.get('files'))}) | {fi(k.get('search_page_html'))} | {fi(k.get('shards'))} | {fi(k.get('chunks'))} | {fi(k.get('facets'))} | "
                 f"{fi(p.get('bytes'))} ({fi(p.get('files'))}) | {fi(p.get('bundle_bytes'))} | {ratio(o.get('bytes'), p.get('bytes'))} | "
                 f"{fi(o['bytes'] / docs) if o.get('bytes') and docs else '–'} | {fi(p['bytes'] / pages) if p.get('bytes') and pages else '–'} |")
    L.append("")
    L.append("Ours: every file under `site/search/` (manifest, token shards, document chunks, facets, and the search page's "
             "`index.html`); the client `assets/search.<hash>.js` is counted with the queries below. Pagefind: `site/pagefind/` "
             "minus its UI files (`pagefind-ui.*`, `pagefind-component-ui.*`, `pagefind-modular-ui.*`, `pagefind-highlight.js`).")
    L.append("")

    L.append("## Bytes a client fetches per query")
    L.append("")
    ob0 = next((data["by_n"][str(n)]["bytes"]["ours"] for n in ns if data["by_n"][str(n)]["bytes"]["ours"]), None)
    pb0 = next((data["by_n"][str(n)]["bytes"]["pagefind"] for n in ns if data["by_n"][str(n)]["bytes"]["pagefind"]), None)
    L.append("* **Ours** loads, per query, what the search page loads: the manifest, the token shards of the query's tokens, the "
             "facets file (when there are results) and the document chunks of the top 10 results (the first results page, which "
             "is also the phrase-bonus window). The **first query** of a visit also counts the client JS "
             f"(`{(ob0 or {}).get('queries', [{}])[0].get('client_js', 'search.<hash>.js')}`, "
             f"{fi((ob0 or {}).get('queries', [{}])[0].get('client_js_bytes'))} bytes).")
    L.append("* **Pagefind** loads, per query, `search(q)` and `.data()` of the top 5 results (as the anchor did): "
             "`pagefind-entry.json`, the `ja` `.pf_meta`, the index chunks and 5 fragments. The first query also counts "
             f"`pagefind.js` ({fi((pb0 or {}).get('queries', [{}])[0].get('pagefind_js_bytes'))} bytes) and the wasm.")
    L.append("* **Next query**: the same query run second in a visit whose first query was the previous one in the list "
             "(cyclically), with every cache kept; only the new files count.")
    L.append("")
    L.append("| entries | query | results ours / Pagefind | ours first query (data + JS) | Pagefind first query (data + JS + wasm) | first ours ÷ PF | ours next query (after) | Pagefind next query | next ours ÷ PF | ours files first / next | PF files first / next |")
    L.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in ns:
        r = data["by_n"][str(n)]
        ob = r["bytes"]["ours"] or {"queries": []}
        pb = r["bytes"]["pagefind"] or {"queries": []}
        pmap = {q["query"]: q for q in pb["queries"]}
        for q in ob["queries"]:
            p = pmap.get(q["query"], {})
            pf_first = (p.get("first") or {})
            pf_next = (p.get("next") or {})
            L.append(f"| {fi(n)} | {q['query']} | {fi(q['results'])} / {fi(p.get('results'))} | "
                     f"{fi(q['first']['bytes'])} ({fi(q['first']['data_bytes'])} + {fi(q['client_js_bytes'])}) | "
                     f"{fi(pf_first.get('bytes'))} ({fi(pf_first.get('data_bytes'))} + {fi((pf_first.get('bytes_by_kind') or {}).get('pagefind.js'))} + {fi((pf_first.get('bytes_by_kind') or {}).get('wasm'))}) | "
                     f"{ratio(q['first']['bytes'], pf_first.get('bytes'))} | {fi(q['next']['bytes'])} (after {q['next']['after']}) | {fi(pf_next.get('bytes'))} | "
                     f"{ratio(q['next']['bytes'], pf_next.get('bytes'))} | {q['first']['files']} / {q['next']['files']} | "
                     f"{pf_first.get('files', '–')} / {pf_next.get('files', '–')} |")
    L.append("")
    L.append("Breakdown of our first query (bytes): " + "; ".join(
        f"{fi(n)} {q['query']}: " + ", ".join(f"{k} {fi(v)}" for k, v in q["first"]["bytes_by_kind"].items())
        for n in ns for q in ((data['by_n'][str(n)]['bytes']['ours'] or {}).get('queries') or [])) + ".")
    L.append("")
    L.append("Breakdown of Pagefind's first query (bytes): " + "; ".join(
        f"{fi(n)} {q['query']}: " + ", ".join(f"{k} {fi(v)}" for k, v in q["first"]["bytes_by_kind"].items())
        for n in ns for q in ((data['by_n'][str(n)]['bytes']['pagefind'] or {}).get('queries') or [])) + ".")
    L.append("")

    L.append("## Needle recall (top 10)")
    L.append("")
    L.append("`needles.tsv` plants rare phrases, each in exactly one entry page; a hit means that page is among the first 10 results "
             "(ours: the first results page; Pagefind: the first 10 results). Pagefind only searches the index of the page's "
             "language (`<html lang>`): **PF ja** searches from a Japanese page, as our search page does (ours searches every "
             "language at once); **PF page lang** runs each query with the language of the needle's page (`/en/…` → en, "
             "`/de/…` → de), Pagefind's best case.")
    L.append("")
    TOOLS = ("ours", "pagefind", "pagefind_pagelang")
    head = "| kind / variant | " + " | ".join(f"{fi(n)} ours | {fi(n)} PF ja | {fi(n)} PF page lang" for n in ns) + " |"
    L.append(head)
    L.append("|---|" + "---:|---:|---:|" * len(ns))
    keys = []
    for n in ns:
        for k in ((data["by_n"][str(n)]["recall"]["ours"] or {}).get("by_kind_variant") or {}):
            if k not in keys:
                keys.append(k)
    kind_order = {"katakana": 0, "compound": 1, "alnum": 2, "english": 3}
    keys.sort(key=lambda k: (kind_order.get(k.split("/")[0], 9), k.split("/")[0], k.split("/")[1] != "exact", k.split("/")[1]))
    kinds = []
    for k in keys:
        if k.split("/")[0] not in kinds:
            kinds.append(k.split("/")[0])
    keys += [f"__kind__{kind}" for kind in kinds]
    for k in keys:
        if k.startswith("__kind__"):
            kind = k[len("__kind__"):]
            cells = []
            for n in ns:
                rc = data["by_n"][str(n)]["recall"]
                for t in TOOLS:
                    cells.append(frac(((rc.get(t) or {}).get("by_kind") or {}).get(kind)))
            L.append(f"| *{kind}, all variants incl. exact* | " + " | ".join(cells) + " |")
            continue
        cells = []
        for n in ns:
            rc = data["by_n"][str(n)]["recall"]
            for t in TOOLS:
                cells.append(frac(((rc.get(t) or {}).get("by_kind_variant") or {}).get(k)))
        L.append(f"| {k} | " + " | ".join(cells) + " |")
    for label, key in (("**exact phrases**", "exact"), ("**all variants (not exact)**", "variants"), ("**overall**", "all")):
        cells = []
        for n in ns:
            rc = data["by_n"][str(n)]["recall"]
            for t in TOOLS:
                cells.append(f"**{frac(((rc.get(t) or {}).get('totals') or {}).get(key))}**")
        L.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for n in ns:
        rc = data["by_n"][str(n)]["recall"]
        o = ((rc["ours"] or {}).get("totals") or {}).get("all")
        cells.append("")
        for t in TOOLS[1:]:
            p = ((rc.get(t) or {}).get("totals") or {}).get("all")
            cells.append(ratio(o[0], p[0]) if o and p else "–")
    L.append("| overall hits: ours ÷ this column | " + " | ".join(cells) + " |")
    L.append("")
    notes = []
    for n in ns:
        rc = data["by_n"][str(n)]["recall"]
        if rc["pagefind"] and rc["pagefind"]["other_language_needle_queries"]:
            pl = rc.get("pagefind_pagelang")
            notes.append(f"{fi(n)}: {rc['pagefind']['other_language_needle_queries']} needle queries target an `/en/` or `/de/` page "
                         f"(hits: ours {rc['ours']['other_language_hits'] if rc['ours'] else '–'}, PF ja {rc['pagefind']['other_language_hits']}, "
                         f"PF page lang {pl['other_language_hits'] if pl else '–'})")
        for t, label in (("pagefind", "PF ja"),):
            misses = (rc.get(t) or {}).get("misses") or []
            same = [m for m in misses if not re.match(r"^/(en|de)/", m["url"])]
            if misses:
                notes.append(f"{fi(n)} {label} misses on Japanese pages: {sum(1 for m in same if m['results'] == 0)} with no result at all, "
                             f"{sum(1 for m in same if m['results'] > 0)} with results but the page not in the top 10")
    if notes:
        L.append("Notes: " + "; ".join(notes) + ".")
        L.append("")

    lat = None
    ln = data.get("latency_n")
    if ln is not None:
        lat = data["by_n"].get(str(ln), {}).get("latency")
    L.append(f"## Query latency in headless Chromium ({fi(ln)} entries)")
    L.append("")
    if not lat or not lat.get("available"):
        L.append(f"Not measured: {(lat or {}).get('reason', 'no latency.json')}.")
    else:
        L.append(f"{lat['chromium']}, Selenium {lat['selenium']}; the site served by {lat['server']}. Each run starts a fresh browser "
                 "profile (cold cache) and measures, in the page, the time from the start of the navigation to the first result "
                 "element in the DOM (MutationObserver, `performance.now()`); median of "
                 f"{lat['runs']} runs. Ours: `/search/?q=…`, the site's search page (HTML, CSS, client JS, index files; renders 10 "
                 "cards). Pagefind: a minimal page served by the benchmark (`<html lang=\"ja\">`, imports `/pagefind/pagefind.js` "
                 "with its defaults, web worker included, `search(q)`, `.data()` of the top 5, renders them).")
        L.append("")
        L.append("| query | ours ms (runs) | Pagefind ms (runs) | ours ÷ Pagefind | results shown = node's top results (ours / Pagefind) |")
        L.append("|---|---:|---:|---:|---:|")
        pmap = {r["query"]: r for r in lat["tools"].get("pagefind", [])}
        nb = data["by_n"].get(str(ln), {}).get("bytes", {})
        node_top = {"ours": {q["query"]: q.get("top10") for q in ((nb.get("ours") or {}).get("queries") or [])},
                    "pagefind": {q["query"]: q.get("top5") for q in ((nb.get("pagefind") or {}).get("queries") or [])}}

        def agree(tool, row):
            want = node_top[tool].get(row.get("query"))
            runs = [x.get("result_urls") for x in row.get("runs", []) if x.get("result_urls") is not None]
            if want is None or not runs:
                return "–"
            return f"{sum(1 for u in runs if u == want)}/{len(runs)}"
        for r in lat["tools"].get("ours", []):
            p = pmap.get(r["query"], {})
            runs_o = ", ".join(fs(x.get("first_result_ms"), 0) for x in r["runs"])
            runs_p = ", ".join(fs(x.get("first_result_ms"), 0) for x in p.get("runs", []))
            L.append(f"| {r['query']} | {fs(r['median_first_result_ms'], 0)} ({runs_o}) | {fs(p.get('median_first_result_ms'), 0)} ({runs_p or '–'}) | "
                     f"{ratio(r['median_first_result_ms'], p.get('median_first_result_ms'))} | {agree('ours', r)} / {agree('pagefind', p) if p else '–'} |")
    L.append("")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench-dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seconds", type=int)
    ap.add_argument("--latency-n", type=int)
    ap.add_argument("ns", nargs="+", type=int)
    a = ap.parse_args()
    data = {"env": read_json(os.path.join(a.bench_dir, "env.json")), "seconds": a.seconds, "ns": a.ns,
            "latency_n": a.latency_n, "queries": ["内視鏡", "ISO 13485", "周産期 モニタリング"],
            "by_n": {str(n): collect(a.bench_dir, n) for n in a.ns}}
    os.makedirs(a.out, exist_ok=True)
    md = table(data)
    with open(os.path.join(a.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    with open(os.path.join(a.out, "table.md"), "w", encoding="utf-8") as f:
        f.write(md + "\n")
    sys.stdout.write(md + "\n")


if __name__ == "__main__":
    main()
