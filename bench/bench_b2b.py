#!/usr/bin/env python3
# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the B2B meeting scheduler of kepos_events.

Runs the pure-Python scheduler on a random business fair and compares it
with a first-fit greedy baseline computed in the same run. The scheduler
needs no database: --db is accepted for the bench convention and ignored.
"""
import argparse
import importlib.util
import os
import random
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.join(HERE, os.pardir, 'addons', 'kepos_events', 'models',
                      'b2b_scheduler.py')
SIZES = {
    # participants, accepted requests, slots, tables
    'small': (40, 100, 6, 10),
    'full': (200, 600, 12, 40),
}


def load_scheduler():
    spec = importlib.util.spec_from_file_location('b2b_scheduler', MODULE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def random_fair(rng, participants, n_requests, n_slots, n_tables):
    slots = list(range(n_slots))
    tables = ['T%02d' % i for i in range(n_tables)]
    pairs = set()
    while len(pairs) < n_requests:
        a, b = rng.sample(range(participants), 2)
        if (b, a) not in pairs:
            pairs.add((a, b))
    requests = [(i, a, b) for i, (a, b) in enumerate(sorted(pairs))]
    rng.shuffle(requests)
    unavailable = {}
    for p in range(participants):
        if rng.random() < 0.25:
            unavailable[p] = set(rng.sample(slots, rng.randint(1, 2)))
    return slots, tables, requests, unavailable


def check(slots, tables, requests, unavailable, placed):
    """The invariants of a schedule; returns the list of what is broken."""
    pairs = {key: (a, b) for key, a, b in requests}
    errors = []
    seen_table = set()
    busy = defaultdict(set)
    for key, (slot, table) in placed.items():
        if key not in pairs:
            errors.append('meeting %s is not an accepted request' % key)
            continue
        if slot not in slots or table not in tables:
            errors.append('meeting %s outside the grid' % key)
        if (slot, table) in seen_table:
            errors.append('table %s booked twice in slot %s' % (table, slot))
        seen_table.add((slot, table))
        for participant in pairs[key]:
            if slot in busy[participant]:
                errors.append('participant %s booked twice in slot %s'
                              % (participant, slot))
            busy[participant].add(slot)
            if slot in unavailable.get(participant, ()):
                errors.append('participant %s unavailable in slot %s'
                              % (participant, slot))
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--db', help='ignored: the scheduler needs no DB')
    parser.add_argument('--size', choices=sorted(SIZES), default='small')
    parser.add_argument('--seed', type=int, default=2026)
    args = parser.parse_args()
    scheduler = load_scheduler()
    participants, n_requests, n_slots, n_tables = SIZES[args.size]
    rng = random.Random(args.seed)
    slots, tables, requests, unavailable = random_fair(
        rng, participants, n_requests, n_slots, n_tables)

    start = time.perf_counter()
    baseline = scheduler.greedy_baseline(slots, tables, requests, unavailable)
    baseline_seconds = time.perf_counter() - start
    start = time.perf_counter()
    result = scheduler.schedule(slots, tables, requests, unavailable)
    seconds = time.perf_counter() - start

    errors = check(slots, tables, requests, unavailable, result.placed)
    errors += check(slots, tables, requests, unavailable, baseline)
    if len(result.placed) < len(baseline):
        errors.append('scheduler placed fewer meetings than the baseline')
    share = len(result.placed) / len(requests)
    baseline_share = len(baseline) / len(requests)
    size = '%d participants, %d accepted requests, %d slots, %d tables' % (
        participants, n_requests, n_slots, n_tables)
    print('scheduler: %d/%d placed (%.1f %%) in %.3f s' % (
        len(result.placed), len(requests), 100 * share, seconds))
    print('greedy baseline: %d/%d placed (%.1f %%) in %.3f s' % (
        len(baseline), len(requests), 100 * baseline_share,
        baseline_seconds))
    # No schedule can place more meetings than the grid has table-slots.
    bound = min(1.0, len(slots) * len(tables) / len(requests))
    print('BENCH b2b_schedule|%s|%.4f|%.4f|%.2f|placed=%.3f '
          'baseline_placed=%.3f grid_bound=%.3f'
          % (size, seconds, baseline_seconds,
             seconds / max(baseline_seconds, 1e-6), share, baseline_share,
             bound))
    for error in errors:
        print('INVARIANT BROKEN: %s' % error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
