# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KeposQpvDistrict(models.Model):
    """A priority district of the city policy (quartier prioritaire de la
    politique de la ville): a need heard there is flagged QPV."""
    _name = 'kepos.qpv.district'
    _description = 'Priority district (QPV)'
    _order = 'city, name'

    _kepos_client_fields = {
        'name': 'staff', 'city': 'staff', 'code': 'staff', 'active': 'staff'}

    name = fields.Char(string='District', required=True)
    city = fields.Char(string='Commune', required=True, default='Nancy')
    code = fields.Char(string='Official code')
    active = fields.Boolean(default=True)

    @api.model
    def _kepos_find(self, district):
        """The configured district that the visitor's choice names."""
        return self.sudo().search([('name', '=ilike', district.strip())],
                                  limit=1)
