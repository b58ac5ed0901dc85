# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""B2B meeting scheduler on plain data structures (no ORM).

Kept apart from the models so that it can be checked on random instances
and benchmarked without a database. Keys are any hashable values (the
models pass record ids).

Problem: every accepted request (a, b) needs a slot where neither a nor b
is unavailable or already busy, and a table free in that slot. Tables are
interchangeable inside a slot, so slots are chosen first (with the number
of tables as capacity) and tables are handed out at the end.
"""
from collections import defaultdict, namedtuple

REASON_UNAVAILABLE = 'unavailable'
REASON_BUSY = 'busy'
REASON_NO_TABLE = 'no_table'

Result = namedtuple('Result', ['placed', 'unplaced'])

# What a fair can use, and so what one call may ask the server to build or
# to schedule: two days of 20-minute slots, a large hall of tables. The
# repair of the unplaced requests costs about slots^2 each: at these bounds
# the worst fairs found on random instances take under 20 s (the bench's
# 600 requests, 12 slots, 40 tables: 0.65 s).
MAX_SLOTS = 48
MAX_TABLES = 150
MAX_GRID = 3000  # slots x tables
MAX_REQUESTS = 1500  # accepted requests of one fair
MAX_REQUESTS_PER_SEAT = 2  # accepted requests per table-slot


class _Plan(object):
    """A partial assignment request -> slot with the indexes the search
    needs to test a move in constant time."""

    def __init__(self, slots, capacity, requests, unavailable):
        self.slots = slots
        self.index = {s: i for i, s in enumerate(slots)}
        self.capacity = capacity
        self.requests = requests
        self.unavailable = unavailable
        self.where = {}
        self.busy = defaultdict(dict)
        self.load = defaultdict(int)
        self.fixed = set()

    def copy(self):
        other = _Plan(self.slots, self.capacity, self.requests,
                      self.unavailable)
        other.where = dict(self.where)
        other.busy = defaultdict(dict, {
            p: dict(d) for p, d in self.busy.items()})
        other.load = defaultdict(int, self.load)
        other.fixed = set(self.fixed)
        return other

    def available(self, key, slot):
        a, b = self.requests[key]
        return (slot not in self.unavailable.get(a, ())
                and slot not in self.unavailable.get(b, ()))

    def free(self, key, slot):
        a, b = self.requests[key]
        return (self.available(key, slot)
                and slot not in self.busy[a] and slot not in self.busy[b]
                and self.load[slot] < self.capacity)

    def place(self, key, slot):
        a, b = self.requests[key]
        self.where[key] = slot
        self.busy[a][slot] = key
        self.busy[b][slot] = key
        self.load[slot] += 1

    def remove(self, key):
        a, b = self.requests[key]
        slot = self.where.pop(key)
        del self.busy[a][slot]
        del self.busy[b][slot]
        self.load[slot] -= 1
        return slot

    def crowding(self, key, slot):
        """How many of the two participants' meetings would sit right
        next to this slot: lower means better spread days."""
        a, b = self.requests[key]
        i = self.index[slot]
        count = 0
        for participant in (a, b):
            for j in (i - 1, i + 1):
                if 0 <= j < len(self.slots):
                    other = self.busy[participant].get(self.slots[j])
                    if other is not None and other != key:
                        count += 1
        return count

    def best_slot(self, key):
        candidates = [s for s in self.slots if self.free(key, s)]
        if not candidates:
            return None
        return min(candidates, key=lambda s: (
            self.crowding(key, s), self.load[s], self.index[s]))

    def relocate(self, key, forbidden, moves):
        """Move a placed, not fixed request to another free slot, noting
        the move so that it can be undone."""
        if key in self.fixed:
            return False
        old = self.remove(key)
        for slot in self.slots:
            if slot != old and slot != forbidden and self.free(key, slot):
                self.place(key, slot)
                moves.append((key, old))
                return True
        self.place(key, old)
        return False

    def repair(self, key):
        """Place an unplaced request by moving the meetings in its way
        (one level of moves, undone when it does not succeed)."""
        a, b = self.requests[key]
        for slot in self.slots:
            if not self.available(key, slot):
                continue
            moves = []
            blockers = {self.busy[a].get(slot), self.busy[b].get(slot)}
            blockers.discard(None)
            ok = all(self.relocate(q, slot, moves)
                     for q in sorted(blockers, key=repr))
            if ok and self.load[slot] >= self.capacity:
                ok = any(self.relocate(q, slot, moves) for q in sorted(
                    (q for q, s in self.where.items() if s == slot),
                    key=repr))
            if ok and self.free(key, slot):
                self.place(key, slot)
                return True
            for moved, old in reversed(moves):
                self.remove(moved)
                self.place(moved, old)
        return False

    def spread(self, rounds=2):
        """Move meetings to equally valid slots that leave their
        participants more breaks; never changes how many are placed."""
        for _round in range(rounds):
            moved = False
            for key in sorted(self.where, key=repr):
                if key in self.fixed:
                    continue
                current = self.where[key]
                score = self.crowding(key, current)
                if not score:
                    continue
                self.remove(key)
                best = self.best_slot(key)
                if best is not None and self.crowding(key, best) < score:
                    self.place(key, best)
                    moved = True
                else:
                    self.place(key, current)
            if not moved:
                break


def _valid_fixed(plan, fixed, tables):
    """Confirmed meetings that are still possible, in a stable order; the
    others go back to the pool of requests to place."""
    kept = {}
    used_tables = set()
    for key in sorted(fixed, key=repr):
        slot, table = fixed[key]
        if (key in plan.requests and slot in plan.index and table in tables
                and (slot, table) not in used_tables
                and plan.free(key, slot)):
            plan.place(key, slot)
            plan.fixed.add(key)
            used_tables.add((slot, table))
            kept[key] = (slot, table)
    return kept


def _fill(plan, order, first_fit=False):
    for key in order:
        if key in plan.where:
            continue
        if first_fit:
            slot = next((s for s in plan.slots if plan.free(key, s)), None)
        else:
            slot = plan.best_slot(key)
        if slot is not None:
            plan.place(key, slot)
    for key in order:
        if key not in plan.where:
            plan.repair(key)


def _reason(plan, key):
    a, b = plan.requests[key]
    possible = [s for s in plan.slots if plan.available(key, s)]
    if not possible:
        return REASON_UNAVAILABLE
    if all(s in plan.busy[a] or s in plan.busy[b] for s in possible):
        return REASON_BUSY
    return REASON_NO_TABLE


def schedule(slots, tables, requests, unavailable=None, fixed=None):
    """Assign accepted requests to (slot, table).

    :param slots: slot keys in chronological order
    :param tables: table keys
    :param requests: list of (request key, participant a, participant b)
    :param unavailable: {participant: set of slot keys}
    :param fixed: {request key: (slot, table)} confirmed meetings to keep
    :returns: Result(placed={key: (slot, table)}, unplaced={key: reason})
    """
    unavailable = unavailable or {}
    pairs = {key: (a, b) for key, a, b in requests}
    degree = defaultdict(int)
    for a, b in pairs.values():
        degree[a] += 1
        degree[b] += 1
    base = _Plan(list(slots), len(tables), pairs, unavailable)
    kept = _valid_fixed(base, fixed or {}, tables)

    def freedom(key):
        return sum(1 for s in base.slots if base.free(key, s))

    given = [key for key, _a, _b in requests]
    position = {key: i for i, key in enumerate(given)}
    constrained = sorted(given, key=lambda k: (
        freedom(k), -(degree[pairs[k][0]] + degree[pairs[k][1]]),
        position[k]))
    best = None
    # The most-constrained order usually wins; first fit in the order of
    # the input is repaired as well so that the result never loses to it.
    for order, first_fit in ((constrained, False), (given, True)):
        plan = base.copy()
        _fill(plan, order, first_fit)
        if best is None or len(plan.where) > len(best.where):
            best = plan
    best.spread()

    placed = dict(kept)
    by_slot = defaultdict(list)
    for key, slot in best.where.items():
        if key not in kept:
            by_slot[slot].append(key)
    for slot, keys in by_slot.items():
        taken = {t for s, t in kept.values() if s == slot}
        free_tables = [t for t in tables if t not in taken]
        for key, table in zip(sorted(keys, key=repr), free_tables):
            placed[key] = (slot, table)
    unplaced = {key: _reason(best, key) for key in pairs
                if key not in placed}
    return Result(placed, unplaced)


def greedy_baseline(slots, tables, requests, unavailable=None):
    """First fit in the order given: the yardstick of the benchmark."""
    unavailable = unavailable or {}
    busy = defaultdict(set)
    used = defaultdict(int)
    placed = {}
    for key, a, b in requests:
        for slot in slots:
            if (used[slot] < len(tables) and slot not in busy[a]
                    and slot not in busy[b]
                    and slot not in unavailable.get(a, ())
                    and slot not in unavailable.get(b, ())):
                placed[key] = (slot, tables[used[slot]])
                used[slot] += 1
                busy[a].add(slot)
                busy[b].add(slot)
                break
    return placed
