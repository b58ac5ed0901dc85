# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountPayment(models.Model):
    _inherit = 'account.payment'

    kepos_barter_transfer_id = fields.Many2one(
        'kepos.barter.transfer', string='Barter transfer', readonly=True,
        copy=False, index=True,
        help='The transfer of units that settled this payment by '
             'compensation.')

    @api.multi
    def cancel(self):
        """Cancelling a payment by compensation gives the units back with a
        reverse transfer, and cancels the matching payment booked in the
        other member's company, so both books and the ledger agree."""
        result = super().cancel()
        if self.env.context.get('kepos_barter_counterpart'):
            return result
        transfers = self.mapped('kepos_barter_transfer_id').sudo()
        transfers.filtered(
            lambda t: t.state == 'done' and not t.reversal_ids.filtered(
                lambda r: r.state == 'done')).action_reverse()
        siblings = self.sudo().search([
            ('kepos_barter_transfer_id', 'in', transfers.ids),
            ('state', '!=', 'cancelled'),
            ('id', 'not in', self.ids)])
        siblings.with_context(kepos_barter_counterpart=True).cancel()
        return result
