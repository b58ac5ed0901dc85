# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from collections import defaultdict

from odoo.tests.common import TransactionCase

from ..models import b2b_scheduler as scheduler


def random_instance(rng):
    participants = rng.randint(4, 30)
    slots = list(range(rng.randint(2, 8)))
    tables = ['T%d' % i for i in range(rng.randint(1, 12))]
    pairs = set()
    for _i in range(rng.randint(1, 3 * participants)):
        a, b = rng.sample(range(participants), 2)
        if (b, a) not in pairs:
            pairs.add((a, b))
    requests = [('r%d' % i, a, b) for i, (a, b) in enumerate(sorted(pairs))]
    rng.shuffle(requests)
    unavailable = {p: set(rng.sample(slots, rng.randint(0, len(slots) // 2)))
                   for p in range(participants) if rng.random() < 0.4}
    return slots, tables, requests, unavailable


class TestB2bScheduler(TransactionCase):
    """Properties of the scheduler on random fairs (no database used)."""

    def assertValidSchedule(self, slots, tables, requests, unavailable,
                            result):
        pairs = {key: (a, b) for key, a, b in requests}
        booked_tables = set()
        busy = defaultdict(set)
        for key, (slot, table) in result.placed.items():
            self.assertIn(key, pairs, 'only accepted requests are placed')
            self.assertIn(slot, slots)
            self.assertIn(table, tables)
            self.assertNotIn((slot, table), booked_tables,
                             'a table is booked twice')
            booked_tables.add((slot, table))
            for participant in pairs[key]:
                self.assertNotIn(slot, busy[participant],
                                 'a participant is booked twice')
                busy[participant].add(slot)
                self.assertNotIn(slot, unavailable.get(participant, ()),
                                 'unavailability not respected')
        self.assertEqual(set(result.placed) | set(result.unplaced),
                         set(pairs))
        self.assertFalse(set(result.placed) & set(result.unplaced))

    def test_random_instances(self):
        rng = random.Random(11)
        better = 0
        for _i in range(150):
            slots, tables, requests, unavailable = random_instance(rng)
            result = scheduler.schedule(slots, tables, requests, unavailable)
            self.assertValidSchedule(slots, tables, requests, unavailable,
                                     result)
            baseline = scheduler.greedy_baseline(
                slots, tables, requests, unavailable)
            self.assertGreaterEqual(len(result.placed), len(baseline))
            better += len(result.placed) > len(baseline)
        # The repair step must be worth something on these instances.
        self.assertGreater(better, 0)

    def test_rerun_keeps_confirmed_meetings(self):
        rng = random.Random(5)
        for _i in range(40):
            slots, tables, requests, unavailable = random_instance(rng)
            first = scheduler.schedule(slots, tables, requests, unavailable)
            confirmed = dict(list(sorted(first.placed.items()))[::2])
            extra = [('new%d' % i, a, b) for i, (_k, a, b) in enumerate(
                requests[:3])]
            again = scheduler.schedule(slots, tables, requests + extra,
                                       unavailable, fixed=confirmed)
            self.assertValidSchedule(slots, tables, requests + extra,
                                     unavailable, again)
            for key, where in confirmed.items():
                self.assertEqual(again.placed[key], where)
            # Same input, same schedule: organisers can re-run safely.
            self.assertEqual(
                again, scheduler.schedule(slots, tables, requests + extra,
                                          unavailable, fixed=confirmed))

    def test_invalid_confirmed_meeting_is_placed_again(self):
        requests = [('r1', 'a', 'b'), ('r2', 'a', 'c')]
        result = scheduler.schedule(
            [1, 2], ['T1'], requests, {'b': {1}},
            fixed={'r1': (1, 'T1'), 'r2': (1, 'T1')})
        self.assertEqual(result.placed['r1'], (2, 'T1'))
        self.assertEqual(result.placed['r2'], (1, 'T1'))

    def test_reasons(self):
        requests = [('r1', 'a', 'b'), ('r2', 'a', 'c'), ('r3', 'd', 'e'),
                    ('r4', 'f', 'g')]
        result = scheduler.schedule(
            [1], ['T1', 'T2'], requests, {'b': {1}})
        self.assertEqual(result.unplaced['r1'], scheduler.REASON_UNAVAILABLE)
        self.assertEqual(len(result.placed), 2)
        self.assertEqual(set(result.unplaced.values()),
                         {scheduler.REASON_UNAVAILABLE,
                          scheduler.REASON_NO_TABLE})
        busy = scheduler.schedule([1], ['T1', 'T2'],
                                  [('r1', 'a', 'b'), ('r2', 'a', 'c')])
        self.assertEqual(list(busy.unplaced.values()),
                         [scheduler.REASON_BUSY])

    def test_spreads_meetings(self):
        # Three meetings of one participant over six slots: no two in a row.
        requests = [('r%d' % i, 'a', 'p%d' % i) for i in range(3)]
        result = scheduler.schedule(list(range(6)), ['T1'], requests)
        used = sorted(slot for slot, _t in result.placed.values())
        self.assertEqual(len(used), 3)
        self.assertTrue(all(b - a > 1 for a, b in zip(used, used[1:])))
