# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = 'res.company'

    # The statutes' settings: the board's.
    _kepos_client_fields = dict.fromkeys(
        ('kepos_vote_by_college', 'kepos_quorum_ordinary',
         'kepos_quorum_extraordinary', 'kepos_max_proxies'), 'manager')

    kepos_vote_by_college = fields.Boolean(
        string='Vote by colleges', default=True,
        help='The statutes group members into voting colleges, each with '
             'its weight. Without it, one member is one vote.')
    kepos_quorum_ordinary = fields.Float(
        string='Quorum of ordinary assemblies (%)', default=25.0,
        help='Share of the members present or represented needed on first '
             'call.')
    kepos_quorum_extraordinary = fields.Float(
        string='Quorum of extraordinary assemblies (%)', default=33.33,
        help='Share of the members present or represented needed on first '
             'call; also applies to mixed assemblies.')
    kepos_max_proxies = fields.Integer(
        string='Proxies per member present', default=2,
        help='How many absent members one member present may represent.')

    _sql_constraints = [
        ('kepos_quorum_range',
         'check(kepos_quorum_ordinary between 0 and 100 and '
         'kepos_quorum_extraordinary between 0 and 100)',
         'A quorum is a percentage between 0 and 100.'),
        ('kepos_max_proxies_positive', 'check(kepos_max_proxies >= 0)',
         'The number of proxies cannot be negative.'),
    ]

    @api.constrains('kepos_vote_by_college')
    def _check_kepos_college_weights(self):
        if self.filtered(lambda c: c.kepos_vote_by_college
                         and not c.kepos_member_company):
            self.env['kepos.college'].search([])._check_weights_of_statutes()
