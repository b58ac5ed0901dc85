"""The load benchmark at small size on a copy of the demo database: a server
with 2 workers answers every request of the mix and keeps its invariants."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def test_bench_load_small(demo_copy):
    run = subprocess.run([sys.executable, os.path.join(HERE, 'bench_load.py'),
                          '--db', demo_copy, '--size', 'small'],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:]
    [line] = [line for line in run.stdout.splitlines() if line.startswith('BENCH ')]
    fields = line[len('BENCH '):].split('|')
    assert fields[0] == 'load_mix' and len(fields) == 6
    assert ' 0 errors' in fields[5] and 'invariants ok' in fields[5]
