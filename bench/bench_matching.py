#!/usr/bin/env python3
# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the matching engine of kepos_synergy.

Generates N published offers and N published needs spread over France with
SQL inserts (not the ORM), then times the full matching (the scheduled
action's work) against a baseline: a plain ORM search_read of the same
resources. Prints one BENCH line; exits 1 if a matching invariant is broken.
Nothing is committed.

    python bench/bench_matching.py --db DB --size small|full
"""
import argparse
import os
import sys
import time

SIZES = {'small': 500, 'full': 10000}
# Metropolitan France, roughly: resources are spread uniformly over it.
LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 43.0, 50.5, -1.5, 7.5

INSERT_SQL = """
INSERT INTO kepos_resource (
    name, direction, partner_id, category_id, kind, quantity, uom_id,
    periodicity, modality, currency_id, state, latitude, longitude,
    date_start, date_end, co2e_factor, price_unit,
    create_uid, write_uid, create_date, write_date)
SELECT 'Bench ' || d.direction || ' ' || g.n, d.direction,
       (%(partners)s::int[])[1 + (g.r1 * %(partner_count)s)::int
                                   %% %(partner_count)s],
       (%(categories)s::int[])[1 + g.c], (%(kinds)s::varchar[])[1 + g.c],
       1 + floor(g.r2 * 500), (%(uoms)s::int[])[1 + g.c],
       'monthly', (%(modalities)s::varchar[])[1 + (g.r3 * 7)::int %% 7],
       %(currency)s, 'published',
       %(lat_min)s + random() * (%(lat_max)s - %(lat_min)s),
       %(lon_min)s + random() * (%(lon_max)s - %(lon_min)s),
       CASE WHEN g.r3 < 0.3 THEN current_date + (g.r2 * 60)::int END,
       CASE WHEN g.r3 < 0.3 THEN current_date + 60 + (g.r1 * 90)::int END,
       1.0, 0, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3,
             (random() * %(category_count)s)::int %% %(category_count)s AS c
      FROM generate_series(1, %(count)s) n) g,
     (VALUES ('offer'), ('need')) d(direction)
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--db', required=True)
    parser.add_argument('--size', choices=sorted(SIZES), default='small')
    return parser.parse_args()


def generate(env, count):
    cr = env.cr
    cr.execute("SELECT setseed(0.42)")
    partners = env['res.partner'].search([('is_company', '=', True)]).ids
    categories = env['kepos.resource.category'].search([])
    unit = env.ref('product.product_uom_unit')
    cr.execute(INSERT_SQL, {
        'partners': partners, 'partner_count': len(partners),
        'categories': categories.ids,
        'kinds': categories.mapped('kind'),
        'uoms': [(c.uom_id or unit).id for c in categories],
        'category_count': len(categories),
        'modalities': ['sharing', 'pooling', 'reuse', 'exchange', 'barter',
                       'sale', 'donation'],
        'currency': env.ref('base.EUR').id, 'count': count,
        'lat_min': LAT_MIN, 'lat_max': LAT_MAX,
        'lon_min': LON_MIN, 'lon_max': LON_MAX,
    })
    cr.execute("ANALYZE kepos_resource")


def check_invariants(cr):
    """Messages of the broken invariants (none when all hold)."""
    checks = {
        'a member matched itself': """
            SELECT count(*) FROM kepos_match m
            JOIN kepos_resource n ON n.id = m.need_id
            JOIN kepos_resource o ON o.id = m.offer_id
            WHERE n.partner_id = o.partner_id""",
        'a score outside 0..100 or not the sum of its parts': """
            SELECT count(*) FROM kepos_match WHERE score < 0 OR score > 100
            OR abs(score - score_category - score_quantity - score_distance
                   - score_time - score_modality) > 1e-6""",
        'a match beyond the radius of its category': """
            SELECT count(*) FROM kepos_match m
            JOIN kepos_resource n ON n.id = m.need_id
            JOIN kepos_resource_category c ON c.id = n.category_id
            WHERE m.distance_km > c.max_radius_km + 1e-6""",
        'a need with more than 20 proposed offers': """
            SELECT count(*) FROM (SELECT need_id FROM kepos_match
            WHERE state = 'new' GROUP BY need_id HAVING count(*) > 20) t""",
    }
    broken = []
    for message, sql in checks.items():
        cr.execute(sql)
        if cr.fetchone()[0]:
            broken.append(message)
    return broken


def main():
    args = parse_args()
    count = SIZES[args.size]
    conf = os.environ.get('KEPOS_CONF')
    import odoo
    odoo.tools.config.parse_config(
        (['-c', conf] if conf else []) + ['-d', args.db])
    with odoo.api.Environment.manage():
        return run(odoo, args.db, count)


def run(odoo, db, count):
    registry = odoo.registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        start = time.perf_counter()
        generate(env, count)
        generated = time.perf_counter() - start

        Match = env['kepos.match']
        start = time.perf_counter()
        Match._compute_matches()
        seconds = time.perf_counter() - start

        env.clear()
        start = time.perf_counter()
        rows = env['kepos.resource'].search_read(
            [('state', '=', 'published')],
            ['direction', 'partner_id', 'category_id', 'quantity', 'uom_id',
             'latitude', 'longitude', 'date_start', 'date_end', 'modality'])
        baseline = time.perf_counter() - start

        cr.execute("SELECT count(*), count(DISTINCT need_id) FROM kepos_match"
                   " WHERE state = 'new'")
        matches, needs_matched = cr.fetchone()
        broken = check_invariants(cr)
        cr.rollback()

    print('generated %d offers and %d needs in %.2f s' % (
        count, count, generated))
    print('full matching: %.3f s, %d matches for %d needs; baseline ORM '
          'search_read of %d resources: %.3f s' % (
              seconds, matches, needs_matched, len(rows), baseline))
    print('BENCH matching full recompute|%d offers x %d needs|%.3f|%.3f|'
          '%.2f|matches=%d needs_matched=%d' % (
              count, count, seconds, baseline, seconds / baseline, matches,
              needs_matched))
    for message in broken:
        print('INVARIANT BROKEN: %s' % message, file=sys.stderr)
    return 1 if broken or not matches else 0


if __name__ == '__main__':
    sys.exit(main())
