#!/usr/bin/env python3
"""CPU each tool's analyzers used, from a sampling profile of a benchmark run.

Roslyn's execution-time telemetry (the benchmark's analyzer time) is wall time inside the callbacks: on a loaded
machine it includes collection pauses and preemption. This script counts on-CPU samples instead. A sample counts
for an analysis when it was taken between that analysis' start and end (the benchmark's --spans file) and a frame
of the tool's own assemblies is on its stack: the tool's code and what it calls (Roslyn included), nothing else.

Linux only. Record, then read (see docs/performance.md):

  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \\
    perf record -k mono -F 999 -g -o bench.data -- \\
    dotnet benchmarks/SmtpTlsAnalyzers.Benchmarks/bin/Release/net10.0/SmtpTlsAnalyzers.Benchmarks.dll \\
      --runs 5 --peers NetAnalyzers --spans spans.tsv
  perf script -i bench.data -F pid,time,ip > bench.txt
  python3 benchmarks/cpu-by-tool.py bench.txt spans.tsv 999

DOTNET_PerfMapEnabled makes the runtime write /tmp/perf-PID.map, which names the JIT-compiled methods;
DOTNET_EnableWriteXorExecute=0 keeps that code in anonymous memory, where perf reports absolute addresses.
"""

import bisect
import collections
import re
import statistics
import sys


def read_map(path):
    """The runtime's perf map: start, size and name of every JIT-compiled method, sorted by start."""
    rows = []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            parts = line.split(" ", 2)
            if len(parts) == 3:
                rows.append((int(parts[0], 16), int(parts[1], 16), parts[2].strip()))
    rows.sort()
    return [r[0] for r in rows], rows


# The benchmark's own driver: on the stack of the thread that awaits an analysis, whatever the tool.
BENCHMARK_DRIVER = ("SmtpTlsAnalyzers.Benchmarks.Program", "SmtpTlsAnalyzers.Benchmarks.Measurement")


def assembly_of(name):
    """'[Assembly] Namespace.Type::Method(...)' gives 'Assembly'; stubs and native code give None."""
    match = re.search(r"\[([^\]]+)\] ([^\[\]]*)::", name)
    if match is None or match.group(2).startswith(BENCHMARK_DRIVER):
        return None
    return match.group(1)


def read_samples(path):
    """Yields (pid, time, [addresses]) for each sample of `perf script -F pid,time,ip`."""
    header = None
    stack = []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("\t") or line.startswith(" " * 8):
                try:
                    stack.append(int(line.split()[0], 16))
                except (ValueError, IndexError):
                    pass
                continue
            if header is not None:
                yield header[0], header[1], stack
            header = None
            stack = []
            match = re.match(r"\s*(\d+)\s+([0-9.]+):", line)
            if match:
                header = (int(match.group(1)), float(match.group(2)))
    if header is not None:
        yield header[0], header[1], stack


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    samples_path, spans_path, frequency = argv[1], argv[2], float(argv[3])

    spans = []
    with open(spans_path, encoding="utf-8") as lines:
        for line in lines:
            workload, tool, start, end, assemblies = line.rstrip("\n").split("\t")
            spans.append((float(start), float(end), workload, tool, frozenset(assemblies.split(","))))
    spans.sort()
    starts = [s[0] for s in spans]

    maps = {}
    resolved = {}
    counts = collections.Counter()
    for pid, time, stack in read_samples(samples_path):
        index = bisect.bisect_right(starts, time) - 1
        if index < 0 or time > spans[index][1]:
            continue
        if pid not in maps:
            try:
                maps[pid] = read_map(f"/tmp/perf-{pid}.map")
            except OSError:
                maps[pid] = ([], [])
        map_starts, rows = maps[pid]
        assemblies = spans[index][4]
        for address in stack:
            key = (pid, address)
            if key not in resolved:
                at = bisect.bisect_right(map_starts, address) - 1
                resolved[key] = assembly_of(rows[at][2]) if at >= 0 and address < rows[at][0] + rows[at][1] else None
            if resolved[key] in assemblies:
                counts[index] += 1
                break

    runs = collections.defaultdict(list)
    for index, (_, _, workload, tool, _) in enumerate(spans):
        runs[(workload, tool)].append(counts[index] * 1000.0 / frequency)

    print("| Workload | Tool | CPU in its callbacks per run (ms), in run order | Median (ms) |")
    print("|---|---|---|---:|")
    for (workload, tool), values in runs.items():
        figures = ", ".join(f"{v:.0f}" for v in values)
        print(f"| {workload} | {tool} | {figures} | {statistics.median(values):.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
