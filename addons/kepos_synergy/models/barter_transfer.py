# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round

from odoo.addons.kepos_membership.lib.guard import (
    GRANT_KEY, ServerGrant, kepos_action)

from .barter_ledger import AMOUNT_DIGITS

# What a draft may still change; the payer is set once, at create.
DRAFT_FIELDS = {'payee_account_id', 'amount', 'date', 'memo', 'synergy_id'}


class KeposBarterTransfer(models.Model):
    """One movement of units from a payer to a payee: the ledger line.

    A done transfer is never edited nor deleted; it is corrected by a
    reverse transfer, so an account's history is a query on this table."""
    _name = 'kepos.barter.transfer'
    _description = 'Barter transfer'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'date desc, id desc'

    # A member pays from its own account (checked in create), staff may
    # choose the payer; the payer never changes, the rest only in draft.
    # The reference, the invoice and the reversed transfer are the server's.
    _kepos_client_fields = {
        'payer_account_id': 'member:create',
        'payee_account_id': 'member',
        'amount': 'member',
        'memo': 'member',
        'date': 'member',
        'synergy_id': 'member',
    }

    name = fields.Char(string='Reference', readonly=True, copy=False,
                       default='/')
    payer_account_id = fields.Many2one(
        'kepos.barter.account', string='Payer', required=True, index=True,
        ondelete='restrict', readonly=True,
        states={'draft': [('readonly', False)]},
        default=lambda self: self._default_payer_account())
    payee_account_id = fields.Many2one(
        'kepos.barter.account', string='Payee', required=True, index=True,
        ondelete='restrict', readonly=True,
        states={'draft': [('readonly', False)]})
    amount = fields.Float(
        digits=AMOUNT_DIGITS, required=True, readonly=True,
        states={'draft': [('readonly', False)]}, track_visibility='onchange',
        help='In units: 1 unit = 1 €.')
    memo = fields.Char(required=True, readonly=True,
                       states={'draft': [('readonly', False)]})
    date = fields.Date(required=True, readonly=True, index=True,
                       states={'draft': [('readonly', False)]},
                       default=fields.Date.context_today)
    state = fields.Selection(
        [('draft', 'Draft'), ('done', 'Done'), ('cancelled', 'Cancelled')],
        default='draft', required=True, readonly=True, copy=False,
        index=True, track_visibility='onchange')
    invoice_id = fields.Many2one('account.invoice', string='Invoice',
                                 readonly=True, copy=False, index=True)
    synergy_id = fields.Many2one(
        'kepos.synergy', string='Synergy', index=True, readonly=True,
        states={'draft': [('readonly', False)]},
        help='The synergy between the two members that this transfer pays.')
    reversed_transfer_id = fields.Many2one(
        'kepos.barter.transfer', string='Reverses', readonly=True,
        copy=False, index=True)
    reversal_ids = fields.One2many(
        'kepos.barter.transfer', 'reversed_transfer_id', string='Reversals',
        readonly=True)

    _sql_constraints = [
        ('amount_positive', 'CHECK(amount > 0)',
         'The amount of a transfer must be positive.'),
    ]

    def _default_payer_account(self):
        return self.env['kepos.barter.account'].search(
            [('partner_id', '=', self.env.user.partner_id
              .commercial_partner_id.id)], limit=1)

    @api.model
    def _check_amount_value(self, amount):
        # Checked before the ORM rounds the value to the column's 2 digits,
        # which would silently change what the user typed.
        if amount is None or amount is False:
            return
        self._kepos_check_values({'amount': amount})
        if float_compare(amount, 0.0, precision_digits=2) <= 0:
            raise ValidationError(_('The amount of a transfer must be '
                                    'positive.'))
        if float_compare(amount, float_round(amount, precision_digits=2),
                         precision_digits=6):
            raise ValidationError(_('A barter amount has at most 2 decimals '
                                    '(1 unit = 1 €).'))

    def _kepos_granted(self, creating):
        """Whether the server itself writes (``_kepos_server_write``): the
        only way a state changes, even for the superuser, whose direct
        writes would otherwise reach the ledger's trigger as a crash."""
        grant = self.env.context.get(GRANT_KEY)
        return isinstance(grant, ServerGrant) and grant.covers(self, creating)

    @api.model
    def create(self, vals):
        # The values are used (as ids) before super() checks them.
        self._kepos_check_values(vals)
        self._check_amount_value(vals.get('amount'))
        # Born draft: a transfer created done would skip the balances.
        if vals.get('state', 'draft') != 'draft':
            raise UserError(_('The state of a transfer changes only through '
                              'its buttons.'))
        if vals.get('payer_account_id'):
            # Before the insert: a refusal leaves nothing behind.
            self._check_payer_is_caller(self.env['kepos.barter.account']
                                        .browse(vals['payer_account_id']))
        transfer = super().create(vals)
        # Again on what was created (the payer may come from a default).
        self._check_payer_is_caller(transfer.sudo().payer_account_id)
        return transfer

    @api.model
    def _check_payer_is_caller(self, payer):
        """A member pays from its own account only; the staff may prepare a
        transfer from any account (the rules say the same to the ORM)."""
        if self._kepos_has_role('staff'):
            return
        me = self.env.user.partner_id.commercial_partner_id
        if payer.sudo().partner_id != me:
            raise AccessError(_('You can only pay from the barter account '
                                'of your own organisation.'))

    @api.multi
    def write(self, vals):
        # The state moves only through the action methods, which keep the
        # balances in step; booked figures never change afterwards.
        if 'state' in vals and not self._kepos_granted(creating=False):
            raise UserError(_('The state of a transfer changes only through '
                              'its buttons.'))
        if 'payer_account_id' in vals and any(
                transfer.payer_account_id.id != vals['payer_account_id']
                for transfer in self.sudo()):
            raise UserError(_('The payer of a transfer is set when it is '
                              'created: cancel it and create another one.'))
        booked = set(vals) & (DRAFT_FIELDS | {'invoice_id', 'name',
                                              'reversed_transfer_id'})
        if booked and any(transfer.state != 'draft' for transfer in self):
            raise UserError(_('A booked or cancelled transfer cannot be '
                              'changed.'))
        if 'amount' in vals:
            self._check_amount_value(vals['amount'])
        return super().write(vals)

    @api.constrains('payer_account_id', 'payee_account_id')
    def _check_accounts(self):
        for transfer in self:
            if transfer.payer_account_id == transfer.payee_account_id:
                raise ValidationError(_('The payer and the payee must be '
                                        'different accounts.'))

    @api.constrains('synergy_id', 'payer_account_id', 'payee_account_id')
    def _check_synergy_parties(self):
        # The parties are read as superuser (a member does not read the
        # other side's account); the synergy's name with the user's rights,
        # so that a synergy it may not see is refused, not named.
        for transfer in self.sudo().filtered('synergy_id'):
            parties = transfer.synergy_id.party_ids
            members = (transfer.payer_account_id
                       | transfer.payee_account_id).mapped('partner_id')
            if members - parties:
                raise ValidationError(_(
                    'The payer and the payee of a transfer must both take '
                    'part in the synergy %s.') % self.env['kepos.synergy']
                    .browse(transfer.synergy_id.id).name)

    @api.multi
    def unlink(self):
        if any(transfer.state == 'done' for transfer in self):
            raise UserError(_('A done transfer cannot be deleted: reverse '
                              'it instead.'))
        return super().unlink()

    @api.model
    @kepos_action(role='member', access=None)
    def create_and_post(self, vals):
        """Create a transfer and book it at once (JSON-RPC clients use it);
        returns the new transfer's id. The values and the booking meet the
        same checks as the form's. No chatter messages: the transfer itself,
        numbered and dated, is the record."""
        transfer = self.with_context(tracking_disable=True).create(vals)
        transfer.action_done()
        return transfer.id

    @api.model
    def _kepos_create_and_book(self, vals):
        """The server's create_and_post, for a caller that has checked who
        pays (the invoice wizard): it may set the invoice."""
        transfer = self.with_context(
            tracking_disable=True)._kepos_server_create(vals)
        transfer._book()
        return transfer

    @api.multi
    @kepos_action(role='member', states=['draft'])
    def action_done(self):
        """Book the transfers: the payer (or the staff) confirms them."""
        return self._book()

    def _book(self):
        """Move the units under row locks so that two transactions paying
        from the same account are serialised, and check the limits on the
        balances read under those locks. Callers have checked the rights."""
        if not self:
            return True
        cr = self.env.cr
        # NO KEY UPDATE: the lock an UPDATE of the balance takes anyway. A
        # plain FOR UPDATE would also wait for the KEY SHARE locks that
        # inserting a transfer puts on its accounts, and deadlock two
        # transactions that each created a transfer on the same account.
        cr.execute('SELECT id, state FROM kepos_barter_transfer '
                   'WHERE id IN %s ORDER BY id FOR NO KEY UPDATE',
                   (tuple(self.ids),))
        if any(state != 'draft' for _id, state in cr.fetchall()):
            raise UserError(_('Only a draft transfer can be booked.'))
        transfers = self.sudo()
        account_ids = (transfers.mapped('payer_account_id')
                       | transfers.mapped('payee_account_id')).ids
        cr.execute('SELECT id, balance, credit_limit, upper_limit, state '
                   'FROM kepos_barter_account WHERE id IN %s '
                   'ORDER BY id FOR NO KEY UPDATE', (tuple(account_ids),))
        accounts = {row[0]: {'balance': row[1], 'credit_limit': row[2],
                             'upper_limit': row[3], 'state': row[4]}
                    for row in cr.fetchall()}
        for transfer in self.sorted('id'):
            payer_id = transfer.sudo().payer_account_id.id
            payee_id = transfer.sudo().payee_account_id.id
            payer, payee = accounts[payer_id], accounts[payee_id]
            transfer._check_bookable(payer, payee)
            payer['balance'] = float_round(
                payer['balance'] - transfer.amount, precision_digits=2)
            payee['balance'] = float_round(
                payee['balance'] + transfer.amount, precision_digits=2)
            cr.execute('UPDATE kepos_barter_account SET balance = balance - %s '
                       'WHERE id = %s', (transfer.amount, payer_id))
            cr.execute('UPDATE kepos_barter_account SET balance = balance + %s '
                       'WHERE id = %s', (transfer.amount, payee_id))
            values = {'state': 'done'}
            if transfer.name == '/':
                values['name'] = self.env['ir.sequence'].next_by_code(
                    'kepos.barter.transfer')
            transfer._kepos_server_write(values)
        self.env['kepos.barter.account'].browse(account_ids).invalidate_cache(
            ['balance'])
        return True

    def _check_bookable(self, payer, payee):
        transfer = self.sudo()
        names = {'payer': transfer.payer_account_id.display_name,
                 'payee': transfer.payee_account_id.display_name}
        for values, name in ((payer, names['payer']), (payee, names['payee'])):
            if values['state'] != 'active':
                raise UserError(_('The barter account of %s is not active: '
                                  'it cannot pay nor be paid.') % name)
        if float_compare(payer['balance'] - self.amount, -payer['credit_limit'],
                         precision_digits=2) < 0:
            raise UserError(_(
                'Transfer refused: %(amount).2f units would take %(payer)s to '
                '%(after).2f, below its credit limit of -%(limit).2f.') % {
                    'amount': self.amount, 'payer': names['payer'],
                    'after': payer['balance'] - self.amount,
                    'limit': payer['credit_limit']})
        if payee['upper_limit'] and float_compare(
                payee['balance'] + self.amount, payee['upper_limit'],
                precision_digits=2) > 0:
            me = self.env.user.partner_id.commercial_partner_id
            if not (self._kepos_has_role('staff')
                    or transfer.payee_account_id.partner_id == me):
                # The payer does not see the payee's balance, not even
                # through the figures of a refusal.
                raise UserError(_(
                    'Transfer refused: %s cannot receive that many units '
                    'now (its upper limit).') % names['payee'])
            raise UserError(_(
                'Transfer refused: %(amount).2f units would take %(payee)s to '
                '%(after).2f, above its upper limit of %(limit).2f.') % {
                    'amount': self.amount, 'payee': names['payee'],
                    'after': payee['balance'] + self.amount,
                    'limit': payee['upper_limit']})

    @api.multi
    @kepos_action(role='member', states=['draft'])
    def action_cancel(self):
        return self._kepos_server_write({'state': 'cancelled'})

    @api.multi
    @kepos_action(role='member', states=['done'], access='read')
    def action_reverse(self):
        """Book, for each done transfer, the same amount the other way. The
        payee gives the units back (or the staff does): a payer cannot take
        back what it paid, nor a third member touch the transfer. Payments
        by compensation it settled are cancelled in the books with it."""
        staff = self._kepos_has_role('staff')
        me = self.env.user.partner_id.commercial_partner_id
        reversals = self.browse()
        # Read as superuser after the decorator's read check: a member may
        # not read the other party's account.
        for transfer in self.sudo():
            if not staff and transfer.payee_account_id.partner_id != me:
                raise AccessError(_(
                    'The transfer %s can only be reversed by its payee, who '
                    'gives the units back, or by the Kèpos staff.')
                    % transfer.name)
            if transfer.reversal_ids.filtered(lambda t: t.state == 'done'):
                raise UserError(_('The transfer %s is already reversed.')
                                % transfer.name)
            reversals |= self._kepos_server_create({
                'payer_account_id': transfer.payee_account_id.id,
                'payee_account_id': transfer.payer_account_id.id,
                'amount': transfer.amount,
                'memo': _('Reversal of %s') % transfer.name,
                'invoice_id': transfer.invoice_id.id,
                'reversed_transfer_id': transfer.id,
            })
        reversals._book()
        # The books follow the ledger: the payments of the reversed
        # transfers, in each company, are cancelled (their cancel sees the
        # transfer reversed and reverses nothing more).
        self.env['account.payment'].sudo().search([
            ('kepos_barter_transfer_id', 'in', self.ids),
            ('state', '!=', 'cancelled')]).cancel()
        return reversals

    def _kepos_reversed(self):
        return bool(self.sudo().reversal_ids.filtered(
            lambda t: t.state == 'done'))
