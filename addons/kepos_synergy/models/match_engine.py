# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Matching engine: candidate filtering and scoring in one SQL statement.

Candidates are filtered with the partial indexes of kepos_resource
(category, latitude): compatible category, bounding box of the category's
radius, another member, published, overlapping availability. Only those
rows are scored, with the great-circle distance, and the best
MATCH_LIMIT offers of each need are kept.
"""
from odoo import api, models

from .match import (WEIGHT_CATEGORY, WEIGHT_DISTANCE, WEIGHT_MODALITY,
                    WEIGHT_QUANTITY, WEIGHT_TIME)

MATCH_LIMIT = 20
PARENT_RATIO = 0.7
SUBSTITUTE_RATIO = 0.5
# Modalities that can meet each other without being the same one.
COMPATIBLE_MODALITIES = [
    ('sharing', 'pooling'), ('exchange', 'barter'), ('reuse', 'donation'),
    ('reuse', 'exchange'), ('exchange', 'donation'), ('sale', 'reuse'),
]
MODALITY_KEYS = ['sharing', 'pooling', 'reuse', 'exchange', 'barter',
                 'sale', 'donation']

MATCH_SQL = """
WITH compat AS (
    SELECT * FROM unnest(%(need_cat)s::int[], %(offer_cat)s::int[],
                         %(cat_points)s::float[], %(radius)s::float[])
        AS c(need_category_id, offer_category_id, points, radius)
), modal AS (
    SELECT * FROM unnest(%(need_mod)s::varchar[], %(offer_mod)s::varchar[],
                         %(mod_points)s::float[])
        AS m(need_modality, offer_modality, points)
), need AS MATERIALIZED (
    -- The bounding box of the radius, in the columns' numeric type so
    -- that the (category, latitude) index serves the range.
    SELECT n.id, n.partner_id, n.quantity, n.uom_id, n.date_start,
           n.date_end, n.modality, n.latitude::float AS lat,
           n.longitude::float AS lon, c.offer_category_id, c.points,
           c.radius,
           (n.latitude - c.radius / 111.0)::numeric AS lat_min,
           (n.latitude + c.radius / 111.0)::numeric AS lat_max,
           (n.longitude - c.radius
               / (111.32 * cos(radians(n.latitude))))::numeric AS lon_min,
           (n.longitude + c.radius
               / (111.32 * cos(radians(n.latitude))))::numeric AS lon_max
    FROM kepos_resource n
    JOIN compat c ON c.need_category_id = n.category_id
    WHERE n.direction = 'need' AND n.state = 'published' {need_filter}
), pair AS (
    SELECT n.id AS need_id, o.id AS offer_id, n.points AS score_category,
           n.radius,
           2 * 6371 * asin(sqrt(
               power(sin(radians(o.lat - n.lat) / 2), 2)
               + cos(radians(n.lat)) * cos(radians(o.lat))
               * power(sin(radians(o.lon - n.lon) / 2), 2)
           )) AS distance_km,
           CASE WHEN nu.category_id = ou.category_id
                THEN %(w_quantity)s * LEAST(1.0, (o.quantity / ou.factor)
                                        / (n.quantity / nu.factor))
                ELSE 0 END AS score_quantity,
           CASE WHEN n.date_start IS NULL OR n.date_end IS NULL
                THEN %(w_time)s
                ELSE %(w_time)s * GREATEST(0, LEAST(n.date_end,
                         COALESCE(o.date_end, n.date_end))
                     - GREATEST(n.date_start,
                         COALESCE(o.date_start, n.date_start)) + 1)::float
                     / (n.date_end - n.date_start + 1) END AS score_time,
           COALESCE(m.points, 0) AS score_modality
    FROM need n
    CROSS JOIN LATERAL (
        SELECT o.id, o.quantity, o.uom_id, o.date_start, o.date_end,
               o.modality, o.latitude::float AS lat,
               o.longitude::float AS lon
        FROM kepos_resource o
        WHERE o.direction = 'offer' AND o.state = 'published'
          AND o.category_id = n.offer_category_id
          AND o.latitude BETWEEN n.lat_min AND n.lat_max
          AND o.longitude BETWEEN n.lon_min AND n.lon_max
          AND o.partner_id <> n.partner_id
          AND (o.date_end IS NULL OR n.date_start IS NULL
               OR o.date_end >= n.date_start)
          AND (o.date_start IS NULL OR n.date_end IS NULL
               OR o.date_start <= n.date_end)
          {offer_filter}
    ) o
    JOIN product_uom nu ON nu.id = n.uom_id
    JOIN product_uom ou ON ou.id = o.uom_id
    LEFT JOIN modal m ON m.need_modality = n.modality
                     AND m.offer_modality = o.modality
), ranked AS (
    SELECT *, %(w_distance)s * GREATEST(0, 1 - distance_km / radius)
              AS score_distance,
           row_number() OVER (
               PARTITION BY need_id ORDER BY score_category + score_quantity
                   + score_time + score_modality
                   + %(w_distance)s * (1 - distance_km / radius) DESC,
               offer_id) AS rank
    FROM pair
    WHERE distance_km <= radius
)
INSERT INTO kepos_match (
    need_id, offer_id, distance_km, score_category, score_quantity,
    score_distance, score_time, score_modality, score, state)
SELECT need_id, offer_id, distance_km, score_category, score_quantity,
       score_distance, score_time, score_modality,
       score_category + score_quantity + score_distance + score_time
           + score_modality, 'new'
FROM ranked
WHERE rank <= %(limit)s
ON CONFLICT (need_id, offer_id) DO NOTHING
"""


class KeposMatchEngine(models.Model):
    _inherit = 'kepos.match'

    @api.model
    def _category_compatibility(self):
        """(need category, offer category, points, radius) of every
        compatible pair: same category, the need's parent or any of its
        sub-categories, or one of its declared substitutes."""
        categories = self.env['kepos.resource.category'].search([])
        rows = {}
        for need_cat in categories:
            radius = need_cat.max_radius_km
            candidates = [(need_cat, WEIGHT_CATEGORY)]
            candidates += [(sub, WEIGHT_CATEGORY * PARENT_RATIO)
                           for sub in categories
                           if need_cat.parent_left < sub.parent_left
                           < need_cat.parent_right]
            if need_cat.parent_id:
                candidates.append(
                    (need_cat.parent_id, WEIGHT_CATEGORY * PARENT_RATIO))
            candidates += [(sub, WEIGHT_CATEGORY * SUBSTITUTE_RATIO)
                           for sub in need_cat.substitute_ids]
            for offer_cat, points in candidates:
                key = (need_cat.id, offer_cat.id)
                if rows.get(key, (0,))[0] < points:
                    rows[key] = (points, radius)
        return [(k[0], k[1], v[0], v[1]) for k, v in rows.items()]

    @api.model
    def _modality_compatibility(self):
        rows = [(m, m, WEIGHT_MODALITY) for m in MODALITY_KEYS]
        for first, second in COMPATIBLE_MODALITIES:
            rows += [(first, second, WEIGHT_MODALITY / 2),
                     (second, first, WEIGHT_MODALITY / 2)]
        return rows

    @api.model
    def _compute_matches(self, resource_ids=None):
        """Replace the proposed matches of the given resources (all of them
        when None); dismissed and converted matches are kept as they are."""
        cr = self.env.cr
        # The ranking sorts every candidate pair: keep it in memory.
        cr.execute("SET LOCAL work_mem = '64MB'")
        compat = self._category_compatibility()
        modal = self._modality_compatibility()
        params = {
            'need_cat': [r[0] for r in compat],
            'offer_cat': [r[1] for r in compat],
            'cat_points': [r[2] for r in compat],
            'radius': [r[3] for r in compat],
            'need_mod': [r[0] for r in modal],
            'offer_mod': [r[1] for r in modal],
            'mod_points': [r[2] for r in modal],
            'w_quantity': WEIGHT_QUANTITY, 'w_time': WEIGHT_TIME,
            'w_distance': WEIGHT_DISTANCE,
            'limit': MATCH_LIMIT,
        }
        if resource_ids is None:
            cr.execute("DELETE FROM kepos_match WHERE state = 'new'")
            cr.execute(MATCH_SQL.format(need_filter='', offer_filter=''),
                       params)
        else:
            params['ids'] = list(resource_ids)
            cr.execute("""
                DELETE FROM kepos_match WHERE state = 'new'
                AND (need_id = ANY(%(ids)s) OR offer_id = ANY(%(ids)s))
            """, params)
            cr.execute(MATCH_SQL.format(
                need_filter='AND n.id = ANY(%(ids)s)', offer_filter=''),
                params)
            cr.execute(MATCH_SQL.format(
                need_filter='', offer_filter='AND o.id = ANY(%(ids)s)'),
                params)
        self.invalidate_cache()
        return True

    @api.model
    def _cron_compute_matches(self):
        self._compute_matches()
