# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # The staff keep the members' contact data (members do not write
    # partners); the resources are listed, never set from here.
    _kepos_client_fields = {'kepos_nace_code': 'staff'}

    kepos_nace_code = fields.Char(
        string='NACE code',
        help='Activity code of the company in the European classification '
             '(NACE rev. 2, e.g. 10.71 or 56.21): it tells what a sector '
             'typically produces and needs.',
    )
    kepos_resource_ids = fields.One2many(
        'kepos.resource', 'partner_id', string='Resources')
