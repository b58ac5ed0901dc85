# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

from odoo.addons.kepos_membership.lib.guard import kepos_action

from ..models.barter_ledger import AMOUNT_DIGITS


class KeposBarterStatement(models.TransientModel):
    """Statement of a barter account over a period: opening balance, the
    done transfers of the period, closing balance."""
    _name = 'kepos.barter.statement'
    _description = 'Barter account statement'

    # The account and the period; action_compute checks the user may read
    # the account and fills in the figures.
    _kepos_client_fields = {
        'account_id': 'member',
        'date_from': 'member',
        'date_to': 'member',
    }

    account_id = fields.Many2one(
        'kepos.barter.account', string='Account', required=True,
        default=lambda self: self.env['kepos.barter.transfer']
        ._default_payer_account())
    date_from = fields.Date(
        string='From', required=True,
        default=lambda self: fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self))
            .replace(day=1)))
    date_to = fields.Date(string='To', required=True,
                          default=fields.Date.context_today)
    opening_balance = fields.Float(digits=AMOUNT_DIGITS, readonly=True)
    closing_balance = fields.Float(digits=AMOUNT_DIGITS, readonly=True)
    total_received = fields.Float(digits=AMOUNT_DIGITS, readonly=True)
    total_paid = fields.Float(digits=AMOUNT_DIGITS, readonly=True)
    line_ids = fields.One2many('kepos.barter.statement.line', 'statement_id',
                               string='Lines', readonly=True)

    @api.constrains('date_from', 'date_to')
    def _check_period(self):
        for statement in self:
            if statement.date_from > statement.date_to:
                raise UserError(_('The start of the period must come before '
                                  'its end.'))

    @api.multi
    @kepos_action(role='member')
    def action_compute(self):
        self.ensure_one()
        # Reading the account with the caller's rights: a member only gets
        # the statement of its own account.
        self.account_id.check_access_rights('read')
        self.account_id.check_access_rule('read')
        account = self.account_id.sudo()
        transfers = self.env['kepos.barter.transfer'].sudo().search([
            ('state', '=', 'done'), ('date', '<=', self.date_to),
            '|', ('payer_account_id', '=', account.id),
            ('payee_account_id', '=', account.id)], order='date, id')
        before = transfers.filtered(lambda t: t.date < self.date_from)
        opening = sum(t.amount if t.payee_account_id == account else -t.amount
                      for t in before)
        balance, received, paid, lines = opening, 0.0, 0.0, []
        for transfer in transfers - before:
            incoming = transfer.payee_account_id == account
            other = (transfer.payer_account_id if incoming
                     else transfer.payee_account_id)
            if incoming:
                received += transfer.amount
                balance += transfer.amount
            else:
                paid += transfer.amount
                balance -= transfer.amount
            lines.append({
                'statement_id': self.id,
                'date': transfer.date,
                'reference': transfer.name,
                'memo': transfer.memo,
                'counterpart': other.partner_id.name,
                'received': transfer.amount if incoming else 0.0,
                'paid': 0.0 if incoming else transfer.amount,
                'balance': float_round(balance, precision_digits=2),
            })
        self.line_ids.unlink()
        Line = self.env['kepos.barter.statement.line']
        for values in lines:
            Line._kepos_server_create(values)
        self.invalidate_cache(['line_ids'], self.ids)
        self._kepos_server_write({
            'opening_balance': float_round(opening, precision_digits=2),
            'closing_balance': float_round(balance, precision_digits=2),
            'total_received': float_round(received, precision_digits=2),
            'total_paid': float_round(paid, precision_digits=2),
        })
        return {
            'type': 'ir.actions.act_window',
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
        }

    @api.multi
    @kepos_action(role='member')
    def action_print(self):
        self.ensure_one()
        self.action_compute()
        return self.env.ref(
            'kepos_synergy.action_report_barter_statement').report_action(self)


class KeposBarterStatementLine(models.TransientModel):
    _name = 'kepos.barter.statement.line'
    _description = 'Barter account statement line'
    _order = 'date, id'

    # Written by the statement's action_compute only.
    _kepos_client_fields = {}

    statement_id = fields.Many2one('kepos.barter.statement', required=True,
                                   ondelete='cascade')
    date = fields.Date()
    reference = fields.Char()
    memo = fields.Char()
    counterpart = fields.Char()
    received = fields.Float(digits=AMOUNT_DIGITS)
    paid = fields.Float(digits=AMOUNT_DIGITS)
    balance = fields.Float(digits=AMOUNT_DIGITS)
