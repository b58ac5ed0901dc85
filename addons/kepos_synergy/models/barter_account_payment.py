# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

POSTED = ('posted', 'sent', 'reconciled')


def _barter_only_error():
    return UserError(_(
        'The Barter journal records payments by compensation only, each with '
        'the transfer of units it settles: use "Pay by compensation" on the '
        'invoice.'))


class AccountPayment(models.Model):
    _inherit = 'account.payment'

    # Set by the payment-by-compensation wizard only.
    _kepos_client_fields = {'kepos_barter_transfer_id': 'server'}

    kepos_barter_transfer_id = fields.Many2one(
        'kepos.barter.transfer', string='Barter transfer', readonly=True,
        copy=False, index=True,
        help='The transfer of units that settled this payment by '
             'compensation.')

    @api.model
    def create(self, vals):
        # Before the insert, from the values: a refused payment leaves
        # nothing behind. post() checks the record again. A client's link
        # to a transfer is refused as such first (the guard's own check).
        if not self._kepos_trusted(creating=True):
            self._kepos_check_client_fields(vals, creating=True)
        # Only ids are looked at here; other values meet the input checks.
        ids = {key: vals.get(key) if isinstance(vals.get(key), int) else None
               for key in ('journal_id', 'destination_journal_id',
                           'kepos_barter_transfer_id', 'company_id')}
        journals = self.env['account.journal'].sudo().browse(
            [ids['journal_id'], ids['destination_journal_id']]).exists()
        if any(journals.mapped('kepos_barter')):
            self._kepos_check_barter_payment(
                self.env['kepos.barter.transfer'].browse(
                    ids['kepos_barter_transfer_id']),
                vals.get('amount', 0.0), vals.get('payment_type'),
                ids['company_id'] or self.env.user.company_id.id)
        return super().create(vals)

    @api.multi
    def post(self):
        """The ledger and the books agree: a payment on a Barter journal is
        the image of one done transfer, for the units it moved, once per
        company."""
        for payment in self:
            journals = payment.journal_id | payment.destination_journal_id
            if any(journals.sudo().mapped('kepos_barter')):
                payment._kepos_check_barter_payment(
                    payment.kepos_barter_transfer_id, payment.amount,
                    payment.payment_type, payment.company_id.id,
                    exclude_id=payment.id)
        return super().post()

    @api.model
    def _kepos_check_barter_payment(self, transfer, amount, payment_type,
                                    company_id, exclude_id=None):
        transfer = transfer.sudo()
        if (payment_type == 'transfer' or not transfer.exists()
                or transfer.state != 'done' or transfer._kepos_reversed()
                or not isinstance(amount, (int, float))):
            raise _barter_only_error()
        if float_compare(amount or 0.0, transfer.amount, precision_digits=2):
            raise UserError(_(
                'A payment by compensation is for the units its transfer '
                'moved (%(units).2f), not %(amount).2f.') % {
                    'units': transfer.amount, 'amount': amount or 0.0})
        if self.sudo().search_count([
                ('kepos_barter_transfer_id', '=', transfer.id),
                ('company_id', '=', company_id),
                ('state', 'in', POSTED), ('id', '!=', exclude_id or 0)]):
            raise UserError(_(
                'The transfer %s is already recorded in the books of '
                'this company.') % transfer.name)

    @api.multi
    def cancel(self):
        """Cancelling a payment by compensation gives the units back with a
        reverse transfer, which only its payee or the staff may book; the
        reversal cancels the payments of the transfer in every company, so
        both books and the ledger agree."""
        transfers = self.mapped('kepos_barter_transfer_id')
        if transfers:
            transfers.check_access_rights('read')
            transfers.check_access_rule('read')
            pending = transfers.filtered(
                lambda t: t.state == 'done' and not t._kepos_reversed())
            pending.action_reverse()
        return super(AccountPayment, self.filtered(
            lambda p: p.state != 'cancelled')).cancel()


class AccountMove(models.Model):
    _inherit = 'account.move'

    @api.multi
    def post(self, *args, **kwargs):
        # Any other entry on the Barter journal (a manual one, a bank
        # statement's) would move the clearing account without the units.
        for move in self:
            if not move.journal_id.sudo().kepos_barter:
                continue
            payments = move.line_ids.mapped('payment_id')
            if not payments or not all(payments.mapped(
                    'kepos_barter_transfer_id')):
                raise _barter_only_error()
        return super().post(*args, **kwargs)

    @api.multi
    def button_cancel(self):
        # The Barter journal allows cancelling entries (update_posted) for
        # the payments' cancel, which reverses the transfer first: an entry
        # whose units have not been given back stays.
        for move in self:
            if not move.journal_id.sudo().kepos_barter:
                continue
            transfers = move.line_ids.mapped(
                'payment_id.kepos_barter_transfer_id').sudo()
            if any(not transfer._kepos_reversed() for transfer in transfers):
                raise UserError(_(
                    'An entry of the Barter journal is cancelled with its '
                    'payment by compensation, whose cancellation gives the '
                    'units back.'))
        return super().button_cancel()
