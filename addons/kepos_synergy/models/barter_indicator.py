# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class KeposBarterIndicator(models.Model):
    """Network indicators, one row per event, to be summed by month in a
    pivot or a graph: accounts opened (members registered, with an offer)
    and done transfers (exchanges, volume in units). A reverse transfer
    counts negatively: it cancels the exchange it corrects."""
    _name = 'kepos.barter.indicator'
    _description = 'Barter network indicators'
    _auto = False
    _order = 'date desc'

    # A database view: nobody writes it.
    _kepos_client_fields = {}

    date = fields.Date(readonly=True)
    registration_count = fields.Integer(string='Members registered',
                                        readonly=True)
    offer_count = fields.Integer(string='Members with offers', readonly=True)
    exchange_count = fields.Integer(string='Exchanges', readonly=True)
    volume = fields.Float(string='Volume (units)', digits=(16, 2),
                          readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kepos_barter_indicator AS
            SELECT a.id * 2 AS id, a.opening_date AS date,
                   1 AS registration_count,
                   CASE WHEN COALESCE(a.offer_description, '') <> ''
                        THEN 1 ELSE 0 END AS offer_count,
                   0 AS exchange_count, 0.0 AS volume
              FROM kepos_barter_account a
             WHERE a.opening_date IS NOT NULL
            UNION ALL
            SELECT t.id * 2 + 1, t.date, 0, 0,
                   CASE WHEN t.reversed_transfer_id IS NULL THEN 1
                        ELSE -1 END,
                   CASE WHEN t.reversed_transfer_id IS NULL THEN t.amount
                        ELSE -t.amount END
              FROM kepos_barter_transfer t
             WHERE t.state = 'done'
        """)
