# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

_EDITABLE = {'draft': [('readonly', False)]}


class KeposSubscription(models.Model):
    """A partner asks for shares. Approved by the board, invoiced on the
    capital journal; the shares enter the register when the invoice is
    paid in full."""
    _name = 'kepos.subscription'
    _description = 'Share subscription'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(
        string='Reference', required=True, readonly=True, copy=False,
        default='/')
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, readonly=True,
        states=_EDITABLE, track_visibility='onchange', index=True,
        ondelete='restrict')
    category_id = fields.Many2one(
        related='partner_id.kepos_category_id', string='Category',
        readonly=True)
    share_type_id = fields.Many2one(
        'kepos.share.type', string='Share type', required=True,
        readonly=True, states=_EDITABLE, ondelete='restrict',
        default=lambda self: self.env['kepos.share.type'].search([], limit=1))
    company_id = fields.Many2one(
        related='share_type_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)
    quantity = fields.Integer(
        string='Shares', required=True, default=1, readonly=True,
        states=_EDITABLE, track_visibility='onchange')
    amount = fields.Monetary(compute='_compute_amount', string='Amount')
    date = fields.Date(
        string='Request date', required=True, readonly=True,
        states=_EDITABLE, default=fields.Date.context_today)
    approval_date = fields.Date(
        string='Board decision date', readonly=True,
        states={'draft': [('readonly', False)],
                'submitted': [('readonly', False)]},
        track_visibility='onchange')
    state = fields.Selection(
        [('draft', 'Draft'),
         ('submitted', 'Submitted'),
         ('approved', 'Approved'),
         ('done', 'Done'),
         ('rejected', 'Rejected'),
         ('cancelled', 'Cancelled')],
        default='draft', required=True, readonly=True, copy=False,
        track_visibility='onchange', index=True)
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

    @api.depends('quantity', 'share_type_id.nominal_value')
    def _compute_amount(self):
        for subscription in self:
            subscription.amount = (
                subscription.quantity * subscription.share_type_id.nominal_value)

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            vals['name'] = self.env['ir.sequence'].next_by_code(
                'kepos.subscription') or '/'
        return super(KeposSubscription, self).create(vals)

    @api.multi
    def write(self, vals):
        # Once submitted, the request is what the board decides on and what
        # the invoice says: it can no longer change.
        if set(vals) & {'partner_id', 'share_type_id', 'quantity'} and \
                self.filtered(lambda s: s.state != 'draft'):
            raise UserError(_(
                'Only a draft subscription can change its member, share '
                'type or number of shares.'))
        return super(KeposSubscription, self).write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda s: s.state != 'draft'):
            raise UserError(_('Only draft subscriptions can be deleted.'))
        return super(KeposSubscription, self).unlink()

    def _check_state(self, states):
        for subscription in self:
            if subscription.state not in states:
                raise UserError(_(
                    'The subscription %s cannot do this in its current '
                    'state.') % subscription.name)

    def _check_manager(self):
        if not self.env.user.has_group(
                'kepos_membership.group_kepos_manager'):
            raise AccessError(_(
                'Only the board (Kèpos managers) decides on capital.'))

    @api.multi
    def action_submit(self):
        self._check_state(['draft'])
        self.write({'state': 'submitted'})

    @api.multi
    def action_approve(self):
        """Board decision: check the capital rules under lock and invoice
        the shares on the capital journal."""
        self._check_manager()
        self._check_state(['submitted'])
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
                [(subscription.partner_id, subscription.share_type_id,
                  subscription.quantity)], date, with_pending=True)
            invoice = subscription._create_invoice(date)
            subscription.write({'state': 'approved', 'approval_date': date,
                                'invoice_id': invoice.id})

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
        invoice = self.env['account.invoice'].sudo().create({
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
    def action_reject(self):
        self._check_manager()
        self._check_state(['submitted'])
        self.write({'state': 'rejected'})

    @api.multi
    def action_cancel(self):
        self._check_state(['draft', 'submitted', 'approved'])
        for subscription in self.filtered('invoice_id'):
            if subscription.invoice_id.state == 'paid':
                raise UserError(_(
                    'The invoice of %s is paid: its shares are being '
                    'issued.') % subscription.name)
            subscription._check_manager()
            subscription.invoice_id.sudo().action_invoice_cancel()
        self.write({'state': 'cancelled'})

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
            self.env['kepos.share.line'].sudo().create({
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
            subscription.sudo().write({'state': 'done'})

    def _post_paid_up_capital(self, date):
        self.ensure_one()
        company = self.company_id
        move = self.env['account.move'].sudo().create({
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
    def action_view_invoice(self):
        self.ensure_one()
        action = self.env.ref('account.action_invoice_tree1').read()[0]
        action.update({'res_id': self.invoice_id.id, 'view_mode': 'form',
                       'views': [(False, 'form')]})
        return action
