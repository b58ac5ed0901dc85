# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import kepos_action
from ..lib.guard import without_defaults


class KeposSubscription(models.Model):
    """A partner asks for shares. Approved by the board, invoiced on the
    capital journal; the shares enter the register when the invoice is
    paid in full."""
    _name = 'kepos.subscription'
    _description = 'Share subscription'
    _inherit = 'kepos.capital.request'

    _kepos_client_fields = {'approval_date': 'staff', 'note': 'staff'}

    category_id = fields.Many2one(
        related='partner_id.kepos_category_id', string='Category',
        readonly=True)
    date = fields.Date(string='Request date')
    approval_date = fields.Date(
        string='Board decision date', readonly=True,
        states={'draft': [('readonly', False)],
                'submitted': [('readonly', False)]},
        track_visibility='onchange')
    invoice_id = fields.Many2one(
        'account.invoice', string='Invoice', readonly=True, copy=False)
    invoice_state = fields.Selection(
        related='invoice_id.state', string='Invoice status', readonly=True)
    share_line_ids = fields.One2many(
        'kepos.share.line', 'subscription_id', string='Issued shares',
        readonly=True)
    note = fields.Text()

    _sql_constraints = [
        ('quantity_positive', 'check(quantity > 0)',
         'A subscription asks for at least one share.'),
    ]

    @api.multi
    @kepos_action(role='manager', states=['submitted'])
    def action_approve(self):
        """Board decision: check the capital rules under lock and invoice
        the shares on the capital journal."""
        for subscription in self.sorted('id'):
            if not subscription.partner_id.kepos_category_id:
                raise UserError(_(
                    'Give %s a member category before approving its '
                    'subscription.') % subscription.partner_id.name)
            company = subscription.company_id
            company._kepos_lock_capital(subscription.partner_id)
            date = subscription.approval_date or fields.Date.context_today(
                subscription)
            company._kepos_check_capital_rules(
                subscription._moves(), date, exclude=subscription)
            invoice = subscription._create_invoice(date)
            subscription._kepos_server_write({
                'state': 'approved', 'approval_date': date,
                'invoice_id': invoice.id})
        return True

    def _moves(self):
        self.ensure_one()
        return [(self.partner_id, self.share_type_id, self.quantity)]

    def _create_invoice(self, date):
        """Customer invoice of the called capital: debit 45625 (members,
        capital called, not paid), credit 1012 (capital called, not
        paid)."""
        self.ensure_one()
        company = self.company_id
        journal = company.kepos_capital_journal_id
        if not journal:
            raise UserError(_(
                'Set the capital journal of %s first.') % company.name)
        share_type = self.share_type_id
        invoice = without_defaults(self.env['account.invoice']).sudo().create({
            'partner_id': self.partner_id.id,
            'type': 'out_invoice',
            'company_id': company.id,
            'journal_id': journal.id,
            'account_id': company._kepos_account('45625').id,
            'date_invoice': date,
            'origin': self.name,
            'name': _('Subscription of %d shares') % self.quantity,
            'invoice_line_ids': [(0, 0, {
                'product_id': share_type.product_id.id,
                'name': share_type.name,
                'quantity': self.quantity,
                'price_unit': share_type.nominal_value,
                'account_id': company._kepos_account('1012').id,
                'invoice_line_tax_ids': [(6, 0, [])],
            })],
        })
        invoice.action_invoice_open()
        return invoice

    @api.multi
    @kepos_action(role='staff', states=['draft', 'submitted', 'approved'])
    def action_cancel(self):
        self._check_cancel()
        for subscription in self.filtered('invoice_id'):
            if subscription.invoice_id.state == 'paid':
                raise UserError(_(
                    'The invoice of %s is paid: its shares are being '
                    'issued.') % subscription.name)
            # The decorator and _check_cancel checked the subscription.
            subscription.invoice_id.sudo().action_invoice_cancel()
        self._kepos_server_write({'state': 'cancelled'})
        return True

    def _issue_shares(self):
        """The invoice is paid in full: put the shares into the register
        and move the capital from called to paid-up (1012 → 10131)."""
        for subscription in self.sorted('id'):
            company = subscription.company_id
            company._kepos_lock_capital(subscription.partner_id)
            # Re-read under the lock: a concurrent payment may have issued.
            subscription.invalidate_cache(['state'])
            if subscription.state != 'approved':
                continue
            invoice = subscription.invoice_id
            date = max(invoice.payment_move_line_ids.mapped('date') or
                       [fields.Date.context_today(subscription)])
            # The register may have moved since the approval.
            company._kepos_check_capital_rules(
                subscription._moves(), date, exclude=subscription)
            without_defaults(self.env['kepos.share.line']).sudo().create({
                'partner_id': subscription.partner_id.id,
                'share_type_id': subscription.share_type_id.id,
                'company_id': company.id,
                'category_id': subscription.partner_id.kepos_category_id.id,
                'move_type': 'issue',
                'date': date,
                'quantity': subscription.quantity,
                'amount': subscription.amount,
                'subscription_id': subscription.id,
            })
            subscription._post_paid_up_capital(date)
            subscription.sudo()._kepos_server_write({'state': 'done'})

    def _post_paid_up_capital(self, date):
        self.ensure_one()
        company = self.company_id
        move = without_defaults(self.env['account.move']).sudo().create({
            'journal_id': company.kepos_capital_journal_id.id,
            'company_id': company.id,
            'date': date,
            'ref': self.name,
            'line_ids': [
                (0, 0, {'name': _('Capital paid up'),
                        'account_id': company._kepos_account('1012').id,
                        'partner_id': self.partner_id.id,
                        'debit': self.amount, 'credit': 0.0}),
                (0, 0, {'name': _('Capital paid up'),
                        'account_id': company._kepos_account('10131').id,
                        'partner_id': self.partner_id.id,
                        'debit': 0.0, 'credit': self.amount}),
            ],
        })
        move.post()

    @api.multi
    @kepos_action(role='member', access='read')
    def action_view_invoice(self):
        self.ensure_one()
        action = self.env.ref('account.action_invoice_tree1').read()[0]
        action.update({'res_id': self.invoice_id.id, 'view_mode': 'form',
                       'views': [(False, 'form')]})
        return action
