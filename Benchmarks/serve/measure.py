#!/usr/bin/env python3
"""Edit-to-page latency of a running `kirameki serve`.

For each edit: wait until the server is idle (its search index written), append a marker paragraph
to an entry's body, wait for the server's Server-Sent Event announcing the next build generation,
fetch the entry's page and check that the marker is there (polling every 2 ms when it is not yet);
then wait for the search index of that generation. Prints one JSON object with every timing in ms.

usage: measure.py --port PORT --root SITE [--edits 20] [--seed 1]
"""
import argparse
import http.client
import json
import os
import random
import statistics
import threading
import time


def page_url(path):
    """content/news/x.ja.md -> /news/x/ ; content/news/x.en.md -> /en/news/x/"""
    _, section, name = path.split("/", 2)
    stem, language, _ = name.rsplit(".", 2)
    return ("/" if language == "ja" else f"/{language}/") + f"{section}/{stem}/"


class Events(threading.Thread):
    """Reads the event stream and remembers when each generation was announced."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.arrived = {}
        self.cond = threading.Condition()

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        conn.request("GET", "/__kirameki/events", headers={"Accept": "text/event-stream"})
        response = conn.getresponse()
        while True:
            line = response.fp.readline()
            if not line:
                return
            line = line.decode().strip()
            if line.startswith("data:"):
                generation = int(line[5:].strip())
                with self.cond:
                    self.arrived.setdefault(generation, time.perf_counter())
                    self.cond.notify_all()

    def latest(self):
        with self.cond:
            return max(self.arrived, default=0)

    def wait_beyond(self, generation, timeout=60):
        deadline = time.perf_counter() + timeout
        with self.cond:
            while max(self.arrived, default=0) <= generation:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError(f"no generation after {generation}")
                self.cond.wait(left)
            return min(t for g, t in self.arrived.items() if g > generation)


def fetch(conn, url):
    conn.request("GET", url)
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def wait_settled(conn, timeout=600):
    """Until the server has written the search index of its current generation."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        _, body = fetch(conn, "/__kirameki/status")
        if json.loads(body)["settled"]:
            return time.perf_counter()
        time.sleep(0.02)
    raise TimeoutError("the search index was not written within the timeout")


def percentile(values, p):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    files = []
    for section in sorted(os.listdir(os.path.join(args.root, "content"))):
        folder = os.path.join(args.root, "content", section)
        if os.path.isdir(folder):
            files += [f"content/{section}/{n}" for n in sorted(os.listdir(folder)) if n.endswith(".md")]
    chosen = random.Random(args.seed).sample(files, min(args.edits, len(files)))

    events = Events(args.port)
    events.start()
    conn = http.client.HTTPConnection("127.0.0.1", args.port)
    deadline = time.time() + 30
    while events.latest() == 0 and time.time() < deadline:
        time.sleep(0.01)

    results = []
    for number, path in enumerate(chosen, 1):
        url = page_url(path)
        status, _ = fetch(conn, url)  # warm: the page as it was
        if status != 200:
            raise SystemExit(f"{url} ({path}) answered {status} before the edit")
        marker = f"KIRAMEKI-BENCH-EDIT-{number}-{random.Random(number).randrange(10**9)}"
        full = os.path.join(args.root, path)
        with open(full, encoding="utf-8") as handle:
            original = handle.read()
        wait_settled(conn)
        before = events.latest()
        time.sleep(0.2)
        started = time.perf_counter()
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(original.rstrip("\n") + f"\n\n{marker}\n")
        announced = events.wait_beyond(before)
        polls = 0
        while True:
            status, html = fetch(conn, url)
            if marker in html:
                break
            polls += 1
            if time.perf_counter() - started > 60:
                raise SystemExit(f"{url}: the edit did not appear within 60 s")
            time.sleep(0.002)
        done = time.perf_counter()
        settled = wait_settled(conn)
        results.append(
            {
                "path": path,
                "event_ms": (announced - started) * 1000,
                "page_ms": (done - started) * 1000,
                "index_ms": (settled - started) * 1000,
                "polls": polls,
            }
        )
        before = events.latest()
        with open(full, "w", encoding="utf-8") as handle:  # put the entry back, and let that rebuild pass
            handle.write(original)
        events.wait_beyond(before)

    pages = [r["page_ms"] for r in results]
    announced = [r["event_ms"] for r in results]
    print(
        json.dumps(
            {
                "edits": len(results),
                "page_median_ms": statistics.median(pages),
                "page_p90_ms": percentile(pages, 90),
                "page_max_ms": max(pages),
                "event_median_ms": statistics.median(announced),
                "event_p90_ms": percentile(announced, 90),
                "index_median_ms": statistics.median(r["index_ms"] for r in results),
                "runs": results,
            }
        )
    )


if __name__ == "__main__":
    main()
