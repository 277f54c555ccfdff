#!/usr/bin/python3
"""Runs one command under `/usr/bin/time -v` and appends what it measured to a JSON Lines file.

    bench/timed.py LABEL RESULTS.jsonl [--stdout FILE] [--input-bytes N] -- COMMAND [ARG...]

The record holds the label, the command, wall/user/system seconds, CPU use and peak RSS (KiB)
from GNU time, the load average before and after (other work on the machine shows there), the
exit status, and the JSON objects the command printed on stdout: lines with a "phase" go to
"phases" (bench/phase_timer), any other JSON object is merged in (bench/peer_graphml.py).
stdout goes to FILE with --stdout (use it for big outputs such as `factgraph extract`).
A failing command is recorded and makes this script fail too.
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def parse_gnu_time(text):
    fields = {}
    for line in text.splitlines():
        key, sep, value = line.strip().rpartition(": ")
        if not sep:
            continue
        if key == "User time (seconds)":
            fields["user_seconds"] = float(value)
        elif key == "System time (seconds)":
            fields["system_seconds"] = float(value)
        elif key == "Maximum resident set size (kbytes)":
            fields["peak_rss_kib"] = int(value)
        elif key == "Percent of CPU this job got":
            fields["cpu_percent"] = int(value.rstrip("%") or 0)
        elif key.startswith("Elapsed (wall clock) time"):
            parts = [float(p) for p in value.split(":")]
            seconds = 0.0
            for p in parts:
                seconds = seconds * 60 + p
            fields["wall_seconds"] = seconds
    return fields


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def main():
    argv = sys.argv[1:]
    if "--" not in argv or len(argv) < 4:
        sys.exit(__doc__)
    split = argv.index("--")
    opts, command = argv[:split], argv[split + 1:]
    label, results = opts[0], opts[1]
    stdout_path, input_bytes = None, None
    i = 2
    while i < len(opts):
        if opts[i] == "--stdout":
            stdout_path = opts[i + 1]
        elif opts[i] == "--input-bytes":
            input_bytes = int(opts[i + 1])
        else:
            sys.exit(f"timed.py: unknown option {opts[i]}")
        i += 2
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        before = loadavg()
        start = time.time()
        out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", tf.name] + command, stdout=out,
                              stderr=subprocess.PIPE)
        if stdout_path:
            out.close()
        record = {"label": label, "command": " ".join(command), "exit": proc.returncode,
                  "started": round(start, 1), "load_before": before, "load_after": loadavg()}
        record.update(parse_gnu_time(tf.read()))
    if input_bytes is not None:
        record["input_bytes"] = input_bytes
    phases = []
    if not stdout_path:
        for line in proc.stdout.decode("utf-8", "replace").splitlines():
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if "phase" in obj:
                phases.append(obj)
            else:
                record.update(obj)
    if phases:
        record["phases"] = phases
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if stderr:
        record["stderr_tail"] = stderr[-400:]
    with open(results, "a") as f:
        f.write(json.dumps(record) + "\n")
    shown = {k: record.get(k) for k in ("wall_seconds", "user_seconds", "system_seconds",
                                        "cpu_percent", "peak_rss_kib")}
    print(f"  {label}: {shown}", file=sys.stderr)
    if proc.returncode != 0:
        print(stderr[-2000:], file=sys.stderr)
        sys.exit(f"timed.py: {label} failed with exit status {proc.returncode}")


if __name__ == "__main__":
    main()
