# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    # kepos_member_id is computed: nothing for a client to set.
    _kepos_client_fields = {}

    kepos_member_id = fields.Many2one(
        'res.partner',
        string='Member company',
        compute='_compute_kepos_member_id',
        help='The member company this user acts for: the commercial partner '
             'of the user\'s contact. Record rules of the Kèpos apps use it.',
    )

    @api.depends('partner_id.commercial_partner_id')
    def _compute_kepos_member_id(self):
        for user in self:
            user.kepos_member_id = user.partner_id.commercial_partner_id
