# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_round

# Units are euros: cents are the smallest unit that can change hands.
AMOUNT_DIGITS = (16, 2)

# Refuses, at commit, any transaction that leaves an account's stored balance
# different from the sum of its done transfers (credits minus debits).
LEDGER_CHECK_SQL = """
CREATE OR REPLACE FUNCTION kepos_barter_check_account(acc_id integer)
RETURNS void AS $$
DECLARE
    stored numeric;
    ledger numeric;
BEGIN
    SELECT balance INTO stored FROM kepos_barter_account WHERE id = acc_id;
    SELECT COALESCE(SUM(CASE WHEN payee_account_id = acc_id
                             THEN amount ELSE -amount END), 0)
      INTO ledger
      FROM kepos_barter_transfer
     WHERE state = 'done'
       AND (payer_account_id = acc_id OR payee_account_id = acc_id);
    IF COALESCE(stored, 0) <> ledger THEN
        RAISE EXCEPTION 'kepos barter account %: balance % differs from ledger %',
            acc_id, stored, ledger USING ERRCODE = 'check_violation';
    END IF;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION kepos_barter_check_account_row() RETURNS trigger AS $$
BEGIN
    PERFORM kepos_barter_check_account(NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION kepos_barter_check_transfer_row() RETURNS trigger AS $$
BEGIN
    PERFORM kepos_barter_check_account(NEW.payer_account_id);
    PERFORM kepos_barter_check_account(NEW.payee_account_id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS kepos_barter_account_ledger ON kepos_barter_account;
CREATE CONSTRAINT TRIGGER kepos_barter_account_ledger
    AFTER INSERT OR UPDATE OF balance ON kepos_barter_account
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE PROCEDURE kepos_barter_check_account_row();
DROP TRIGGER IF EXISTS kepos_barter_transfer_ledger ON kepos_barter_transfer;
CREATE CONSTRAINT TRIGGER kepos_barter_transfer_ledger
    AFTER INSERT OR UPDATE OF state, amount, payer_account_id, payee_account_id
    ON kepos_barter_transfer
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE PROCEDURE kepos_barter_check_transfer_row();
"""


BOOKED_FIELDS = {'payer_account_id', 'payee_account_id', 'amount', 'date',
                 'memo', 'invoice_id', 'reversed_transfer_id', 'name',
                 'synergy_id'}


class KeposBarterTransfer(models.Model):
    """One movement of units from a payer to a payee: the ledger line.

    A done transfer is never edited nor deleted; it is corrected by a
    reverse transfer, so an account's history is a query on this table."""
    _name = 'kepos.barter.transfer'
    _description = 'Barter transfer'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

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

    @api.model
    def create(self, vals):
        self._check_amount_value(vals.get('amount'))
        # Born draft: a transfer created done would skip the balances.
        if vals.get('state', 'draft') != 'draft':
            raise UserError(_('The state of a transfer changes only through '
                              'its buttons.'))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        # The state moves only through the action methods, which keep the
        # balances in step; booked figures never change afterwards.
        if 'state' in vals and not self.env.context.get(
                'kepos_barter_transition'):
            raise UserError(_('The state of a transfer changes only through '
                              'its buttons.'))
        if set(vals) & BOOKED_FIELDS and any(
                transfer.state != 'draft' for transfer in self):
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
        for transfer in self.filtered('synergy_id'):
            parties = transfer.synergy_id.party_ids
            members = (transfer.payer_account_id
                       | transfer.payee_account_id).mapped('partner_id')
            if members - parties:
                raise ValidationError(_(
                    'The payer and the payee of a transfer must both take '
                    'part in the synergy %s.') % transfer.synergy_id.name)

    @api.multi
    def unlink(self):
        if any(transfer.state == 'done' for transfer in self):
            raise UserError(_('A done transfer cannot be deleted: reverse '
                              'it instead.'))
        return super().unlink()

    @api.model
    def create_and_post(self, vals):
        """Create a transfer and book it at once (the invoice wizard and the
        JSON-RPC clients use it); returns the new transfer's id. No chatter
        messages: the transfer itself, numbered and dated, is the record."""
        transfer = self.with_context(tracking_disable=True).create(vals)
        transfer.action_done()
        return transfer.id

    @api.multi
    def action_done(self):
        """Book the transfers: move the units under row locks so that two
        transactions paying from the same account are serialised, and check
        the limits on the balances read under those locks."""
        if not self:
            return True
        self.check_access_rights('write')
        self.check_access_rule('write')
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
        account_ids = (self.mapped('payer_account_id')
                       | self.mapped('payee_account_id')).ids
        cr.execute('SELECT id, balance, credit_limit, upper_limit, state '
                   'FROM kepos_barter_account WHERE id IN %s '
                   'ORDER BY id FOR NO KEY UPDATE', (tuple(account_ids),))
        accounts = {row[0]: {'balance': row[1], 'credit_limit': row[2],
                             'upper_limit': row[3], 'state': row[4]}
                    for row in cr.fetchall()}
        for transfer in self.sorted('id'):
            payer = accounts[transfer.payer_account_id.id]
            payee = accounts[transfer.payee_account_id.id]
            transfer._check_bookable(payer, payee)
            payer['balance'] = float_round(
                payer['balance'] - transfer.amount, precision_digits=2)
            payee['balance'] = float_round(
                payee['balance'] + transfer.amount, precision_digits=2)
            cr.execute('UPDATE kepos_barter_account SET balance = balance - %s '
                       'WHERE id = %s', (transfer.amount,
                                         transfer.payer_account_id.id))
            cr.execute('UPDATE kepos_barter_account SET balance = balance + %s '
                       'WHERE id = %s', (transfer.amount,
                                         transfer.payee_account_id.id))
            values = {'state': 'done'}
            if transfer.name == '/':
                values['name'] = self.env['ir.sequence'].next_by_code(
                    'kepos.barter.transfer')
            transfer.with_context(kepos_barter_transition=True).write(values)
        self.env['kepos.barter.account'].browse(account_ids).invalidate_cache(
            ['balance'])
        return True

    def _check_bookable(self, payer, payee):
        names = {'payer': self.payer_account_id.sudo().display_name,
                 'payee': self.payee_account_id.sudo().display_name}
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
            raise UserError(_(
                'Transfer refused: %(amount).2f units would take %(payee)s to '
                '%(after).2f, above its upper limit of %(limit).2f.') % {
                    'amount': self.amount, 'payee': names['payee'],
                    'after': payee['balance'] + self.amount,
                    'limit': payee['upper_limit']})

    @api.multi
    def action_cancel(self):
        if any(transfer.state != 'draft' for transfer in self):
            raise UserError(_('Only a draft transfer can be cancelled; a '
                              'done transfer is corrected by a reverse '
                              'transfer.'))
        return self.with_context(kepos_barter_transition=True).write(
            {'state': 'cancelled'})

    @api.multi
    def action_reverse(self):
        """Book, for each done transfer, the same amount the other way."""
        reversals = self.browse()
        for transfer in self:
            if transfer.state != 'done':
                raise UserError(_('Only a done transfer can be reversed.'))
            if transfer.reversal_ids.filtered(lambda t: t.state == 'done'):
                raise UserError(_('The transfer %s is already reversed.')
                                % transfer.name)
            reversals |= transfer.create({
                'payer_account_id': transfer.payee_account_id.id,
                'payee_account_id': transfer.payer_account_id.id,
                'amount': transfer.amount,
                'memo': _('Reversal of %s') % transfer.name,
                'invoice_id': transfer.invoice_id.id,
                'reversed_transfer_id': transfer.id,
            })
        reversals.action_done()
        return reversals
