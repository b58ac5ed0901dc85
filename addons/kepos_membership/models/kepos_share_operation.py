# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.guard import kepos_action
from ..lib.guard import without_defaults
from .kepos_capital_request import _EDITABLE


class KeposShareOperation(models.Model):
    """A transfer of shares between partners, or their redemption
    (remboursement) when a member withdraws or is excluded."""
    _name = 'kepos.share.operation'
    _description = 'Share operation'
    _inherit = 'kepos.capital.request'

    _kepos_client_fields = {
        'operation_type': 'staff', 'receiver_id': 'staff', 'reason': 'staff',
        'decision_date': 'staff',
    }

    _frozen_fields = {'operation_type', 'partner_id', 'receiver_id',
                      'share_type_id', 'quantity', 'date'}

    operation_type = fields.Selection(
        [('transfer', 'Transfer'), ('redemption', 'Redemption')],
        string='Operation', required=True, readonly=True, states=_EDITABLE,
        default='transfer', track_visibility='onchange')
    partner_id = fields.Many2one(help='The member giving up shares.')
    receiver_id = fields.Many2one(
        'res.partner', string='Receiver', readonly=True, states=_EDITABLE,
        index=True, ondelete='restrict', track_visibility='onchange')
    date = fields.Date(string='Effective date')
    decision_date = fields.Date(
        string='Board decision date', readonly=True,
        states={'draft': [('readonly', False)],
                'submitted': [('readonly', False)]},
        track_visibility='onchange')
    reason = fields.Text(required=True, readonly=True, states=_EDITABLE)
    bill_id = fields.Many2one(
        'account.invoice', string='Refund bill', readonly=True, copy=False)
    share_line_ids = fields.One2many(
        'kepos.share.line', 'operation_id', string='Register lines',
        readonly=True)

    _sql_constraints = [
        ('quantity_positive', 'check(quantity > 0)',
         'An operation moves at least one share.'),
    ]

    @api.constrains('operation_type', 'partner_id', 'receiver_id')
    def _check_receiver(self):
        for operation in self:
            if operation.operation_type == 'transfer' and (
                    not operation.receiver_id or
                    operation.receiver_id == operation.partner_id):
                raise ValidationError(_(
                    'A transfer needs a receiver other than the member '
                    'giving up the shares.'))

    def _moves(self):
        self.ensure_one()
        moves = [(self.partner_id, self.share_type_id, -self.quantity)]
        if self.operation_type == 'transfer':
            moves.append((self.receiver_id, self.share_type_id,
                          self.quantity))
        return moves

    def _lock_and_check(self):
        self.ensure_one()
        if self.operation_type == 'transfer' and \
                not self.receiver_id.kepos_category_id:
            raise UserError(_(
                'Give %s a member category before it receives shares.')
                % self.receiver_id.name)
        self.company_id._kepos_lock_capital(
            self.partner_id | self.receiver_id)
        self.company_id._kepos_check_capital_rules(self._moves(), self.date)

    @api.multi
    @kepos_action(role='manager', states=['submitted'])
    def action_approve(self):
        for operation in self.sorted('id'):
            operation._lock_and_check()
            operation._kepos_server_write({
                'state': 'approved',
                'decision_date': operation.decision_date or
                fields.Date.context_today(operation)})
        return True

    @api.multi
    @kepos_action(role='staff', states=['draft', 'submitted', 'approved'])
    def action_cancel(self):
        self._check_cancel()
        self._kepos_server_write({'state': 'cancelled'})
        return True

    @api.multi
    @kepos_action(role='manager', states=['approved'])
    def action_done(self):
        """Write the movements into the register (checked again under the
        lock: the register may have moved since the approval)."""
        # sudo: the register is append-only and no client creates its lines;
        # the decorator checked the caller is the board.
        Line = without_defaults(self.env['kepos.share.line']).sudo()
        for operation in self.sorted('id'):
            operation._lock_and_check()
            move_types = {'transfer': ('transfer_out', 'transfer_in'),
                          'redemption': ('redemption', None)}
            for partner, share_type, quantity in operation._moves():
                move_type = move_types[operation.operation_type][
                    0 if quantity < 0 else 1]
                Line.create({
                    'partner_id': partner.id,
                    'share_type_id': share_type.id,
                    'company_id': operation.company_id.id,
                    'category_id': partner.kepos_category_id.id,
                    'move_type': move_type,
                    'date': operation.date,
                    'quantity': quantity,
                    'amount': quantity * share_type.nominal_value,
                    'operation_id': operation.id,
                })
            values = {'state': 'done'}
            if operation.operation_type == 'redemption':
                values['bill_id'] = operation._create_refund_bill().id
            operation._kepos_server_write(values)
        return True

    def _create_refund_bill(self):
        """Vendor bill repaying the nominal value: debit 10131 (paid-up
        capital), credit 4567 (members, capital to repay)."""
        self.ensure_one()
        company = self.company_id
        journal = company.kepos_redemption_journal_id
        if not journal:
            raise UserError(_(
                'Set the capital redemption journal of %s first.')
                % company.name)
        bill = without_defaults(self.env['account.invoice']).sudo().create({
            'partner_id': self.partner_id.id,
            'type': 'in_invoice',
            'company_id': company.id,
            'journal_id': journal.id,
            'account_id': company._kepos_account('4567').id,
            'date_invoice': self.date,
            'origin': self.name,
            'reference': self.name,
            'invoice_line_ids': [(0, 0, {
                'product_id': self.share_type_id.product_id.id,
                'name': _('Redemption of %d shares: %s') % (
                    self.quantity, self.share_type_id.name),
                'quantity': self.quantity,
                'price_unit': self.share_type_id.nominal_value,
                'account_id': company._kepos_account('10131').id,
                'invoice_line_tax_ids': [(6, 0, [])],
            })],
        })
        bill.action_invoice_open()
        return bill

    @api.multi
    @kepos_action(role='member', access='read')
    def action_view_bill(self):
        self.ensure_one()
        action = self.env.ref('account.action_invoice_tree2').read()[0]
        action.update({'res_id': self.bill_id.id, 'view_mode': 'form',
                       'views': [(False, 'form')]})
        return action
