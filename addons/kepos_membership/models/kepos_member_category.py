# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposMemberCategory(models.Model):
    """A category of members of the SCIC (loi n° 47-1775, titre II ter)."""
    _name = 'kepos.member.category'
    _description = 'Member category'
    _order = 'sequence, id'
    # Configuration of the board; a category change of a holder is checked
    # on res.partner.
    _kepos_client_fields = dict.fromkeys(
        ('name', 'code', 'sequence', 'college_id', 'is_public_body',
         'is_employee', 'is_beneficiary', 'minimum_ids', 'active'),
        'manager')

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    college_id = fields.Many2one(
        'kepos.college', string='College', required=True, ondelete='restrict')
    is_public_body = fields.Boolean(
        string='Public body',
        help='Public bodies may hold at most half of the capital.')
    is_employee = fields.Boolean(string='Employees')
    is_beneficiary = fields.Boolean(string='Beneficiaries')
    minimum_ids = fields.One2many(
        'kepos.share.minimum', 'category_id', string='Minimum shares')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)',
         'The code of a member category must be unique.'),
    ]

    def _minimum_for(self, share_type):
        self.ensure_one()
        minimum = self.minimum_ids.filtered(
            lambda m: m.share_type_id == share_type)
        return minimum.min_quantity if minimum else 0
