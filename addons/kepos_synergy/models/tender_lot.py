# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models


class KeposTenderLot(models.Model):
    """A lot as published in the tender notice (public information)."""
    _name = 'kepos.tender.lot'
    _description = 'Tender lot'
    _order = 'lead_id, number, id'
    # The notice's data, entered by the staff.
    _kepos_client_fields = {name: 'staff' for name in (
        'lead_id', 'number', 'name', 'estimated_amount', 'currency_id')}

    lead_id = fields.Many2one(
        'crm.lead', string='Tender', required=True, ondelete='cascade',
        index=True, domain=[('kepos_is_tender', '=', True)])
    number = fields.Integer(string='Lot number', required=True, default=1)
    name = fields.Char(string='Title', required=True)
    estimated_amount = fields.Monetary(
        string='Estimated amount (excl. tax)',
        help='Amount estimated by the buyer in the notice.')
    currency_id = fields.Many2one(
        'res.currency', string='Currency', required=True,
        default=lambda self: self.env.ref('base.EUR'))

    _sql_constraints = [
        ('number_uniq', 'unique(lead_id, number)',
         'Two lots of a tender cannot have the same number.'),
    ]

    def name_get(self):
        return [(lot.id, _('Lot %d – %s') % (lot.number, lot.name))
                for lot in self]
