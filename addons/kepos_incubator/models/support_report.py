# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

from .support_request import SUPPORT_KINDS


class KeposSupportReport(models.Model):
    """Support received per member and year: requests and hours by kind,
    and the funding obtained through applications followed by Kèpos."""
    _name = 'kepos.support.report'
    _description = 'Support analysis'
    _auto = False
    _order = 'year desc, partner_id'

    # A database view: nothing to set.
    _kepos_client_fields = {}

    partner_id = fields.Many2one('res.partner', string='Member', readonly=True)
    year = fields.Integer(readonly=True)
    source = fields.Selection([
        ('request', 'Support request'),
        ('application', 'Funding application'),
    ], readonly=True)
    kind = fields.Selection(SUPPORT_KINDS, readonly=True)
    request_count = fields.Integer('Requests', readonly=True)
    hours = fields.Float('Hours of support', readonly=True)
    amount_obtained = fields.Float('Funding obtained', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kepos_support_report AS (
                SELECT r.id * 2 AS id, r.partner_id, r.year,
                       'request' AS source, r.kind,
                       1 AS request_count, r.hours,
                       0.0 AS amount_obtained
                  FROM kepos_support_request r
                 WHERE r.state != 'declined'
                UNION ALL
                SELECT a.id * 2 + 1 AS id, a.partner_id, a.year,
                       'application' AS source, NULL AS kind,
                       0 AS request_count, 0.0 AS hours,
                       a.amount_obtained
                  FROM kepos_funding_application a
                 WHERE a.state = 'granted'
            )""")
